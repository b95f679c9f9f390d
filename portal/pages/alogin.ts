/** alogin.html: the page as the build rendered it, taken over by its view (views/alogin-page.ts). */
import texts from 'virtual:hotspot/i18n/alogin';
import { boot } from './shared/boot.ts';
import { HsAloginPage } from './views/alogin-page.ts';

void boot('hs-alogin-page', HsAloginPage, 'title.alogin', texts);
