/** status.html: the page as the build rendered it, taken over by its view (views/status-page.ts). */
import texts from 'virtual:hotspot/i18n/status';
import { boot } from './shared/boot.ts';
import { HsStatusPage } from './views/status-page.ts';

void boot('hs-status-page', HsStatusPage, 'title.status', texts);
