/**
 * alogin.html: the page as the build rendered it (views/alogin-page.ts). No pop-up (captive windows
 * block them): this script shows the way on to the guest's page, only when that is an http(s) URL,
 * and follows it after login.continueAfterSeconds.
 */
import texts from 'virtual:hotspot/i18n/alogin';
import { safeHttpUrl } from '../hotspot/links.ts';
import type { RouterValues } from '../hotspot/router-values.ts';
import { config, shadowOf, startStaticPage } from './shared/static-page.ts';

/** Where to continue: the router's redirect target, else the original URL; never a non-http(s) URL. */
const target = (v: RouterValues) => safeHttpUrl(v.get('link-redirect')) ?? safeHttpUrl(v.get('link-orig'));

void startStaticPage({
  titleKey: 'title.alogin',
  texts,
  params: (v) => ({ host: target(v)?.host ?? '' }),
  update: (v) => {
    const root = shadowOf('hs-alogin-page');
    const to = target(v);
    const status = safeHttpUrl(v.get('link-status'));
    // Going on to the status page itself is what the status link already says.
    const onward = to && !(status && to.href === status.href);
    const part = (name: string) => root?.querySelector<HTMLElement>(`[data-hs="${name}"]`);
    part('soon')?.toggleAttribute('hidden', !to);
    part('browse')?.toggleAttribute('hidden', Boolean(onward));
    const link = part('continue');
    if (link instanceof HTMLAnchorElement) {
      link.hidden = !onward;
      if (onward) link.href = to.href;
    }
  },
}).then((v) => {
  const to = target(v);
  const secs = config.continueAfterSeconds;
  if (to && secs > 0) setTimeout(() => location.assign(to.href), secs * 1000);
});
