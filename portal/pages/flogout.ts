/** flogout.html: the page as the build rendered it, taken over by the notice view (views/notice-page.ts). */
import texts from 'virtual:hotspot/i18n/flogout';
import { boot } from './shared/boot.ts';
import { HsNoticePage } from './views/notice-page.ts';

void boot('hs-notice-page', HsNoticePage, 'title.notLoggedIn', texts);
