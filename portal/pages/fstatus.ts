/** fstatus.html (not logged in): the page as the build rendered it (views/notice-page.ts), in the guest's language. */
import texts from 'virtual:hotspot/i18n/fstatus';
import { startStaticPage } from './shared/static-page.ts';

void startStaticPage({ titleKey: 'title.notLoggedIn', texts, params: (v) => ({ ip: v.get('ip') }) });
