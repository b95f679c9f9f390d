/**
 * status.html: the page as the build rendered it (views/status-page.ts), with the router's own
 * figures; this small script (no Lit) puts them in the guest's language and units, with bars, and
 * reloads the page as often as the user profile's status-autorefresh says.
 */
import texts from 'virtual:hotspot/i18n/status';
import { formatSeconds } from '../i18n/format.ts';
import { fillFigures } from './shared/fill-figures.ts';
import { shadowOf, startStaticPage } from './shared/static-page.ts';

void startStaticPage({
  titleKey: 'title.status',
  texts,
  params: (v) => ({ username: v.get('username'), time: formatSeconds(v.number('refresh-timeout-secs') ?? 0) }),
  update: (v) => fillFigures(shadowOf('hs-status-figures', shadowOf('hs-status-page') ?? document), v, { withIp: true, withLimits: true }),
}).then((v) => {
  const secs = v.number('refresh-timeout-secs');
  if (secs) setTimeout(() => location.reload(), secs * 1000);
});
