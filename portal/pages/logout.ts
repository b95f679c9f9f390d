/** logout.html: the page as the build rendered it (views/notice-page.ts), the session's last figures in the guest's language and units. */
import texts from 'virtual:hotspot/i18n/logout';
import { fillFigures } from './shared/fill-figures.ts';
import { shadowOf, startStaticPage } from './shared/static-page.ts';

void startStaticPage({
  titleKey: 'title.logout',
  texts,
  update: (v) => fillFigures(shadowOf('hs-status-figures', shadowOf('hs-notice-page') ?? document), v, { withIp: false, withLimits: false }),
});
