/**
 * A simulated router in one state of the dev toolbar: the example router (tools/router/example-config.ts,
 * from portal.config.ts) with the state's changes, on a frozen clock, brought into the state through
 * the router's own login logic: a trial used up, a login by CHAP, PAP, voucher, trial, MAC or cookie,
 * minutes on the clock, traffic. Every state has a router of its own, so states never disturb each
 * other and the same state always shows the same figures (screenshots stay stable).
 */
import type { PortalConfig } from '../config/index.ts';
import { UserError } from '../lib/errors.ts';
import { DEMO_MAC_DEVICE, DEMO_USERS, exampleRouter, type PreviewSetup } from '../router/example-config.ts';
import type { RouterConfigInput } from '../routeros/config.ts';
import type { PropInput } from '../routeros/db/router-db.ts';
import { chapResponse } from '../routeros/hotspot/chap.ts';
import { Clock } from '../routeros/time.ts';
import { VirtualRouter } from '../routeros/virtual-router.ts';
import type { RouterState } from './state.ts';

/** The simulated guest's device (any other than the demo MAC-login device). */
export const SCENARIO_MAC = '02:00:00:00:00:01';

/** `$(error-orig)` for errors whose text wraps the router's own detail. */
const ERROR_DETAIL: Readonly<Record<string, string>> = {
  'radius-reply': 'Your plan has expired.',
  'internal-error': 'simulated by npm run dev',
  'config-error': 'simulated by npm run dev',
  'license-session-limit': 'simulated by npm run dev',
};

export interface Scenario {
  router: VirtualRouter;
  mac: string;
  /** What setting the state up did not manage (a login the router refused), for the toolbar. */
  notes: string[];
}

/** The example router with the login-by a state needs (CHAP or PAP forced, MAC, cookie or trial turned on). */
export function scenarioConfig(config: PortalConfig, state: RouterState, setup: PreviewSetup = { env: process.env }): RouterConfigInput {
  const base = exampleRouter(config, setup.env, setup.radius);
  const loginBy = new Set(config.router.loginBy);
  if (state.auth === 'chap') {
    loginBy.delete('http-pap');
    loginBy.add('http-chap');
  } else if (state.auth === 'pap') {
    loginBy.delete('http-chap');
    loginBy.add('http-pap');
  }
  if (state.session === 'mac') loginBy.add('mac');
  if (state.session === 'trial' || state.trial === 'used') loginBy.add('trial');
  if (state.session === 'cookie') loginBy.add('cookie');
  if (state.session === 'member' || state.session === 'voucher' || state.session === 'cookie') {
    if (!loginBy.has('http-chap') && !loginBy.has('http-pap')) loginBy.add('http-chap');
  }
  const profiles = (base['ip/hotspot/profile'] ?? []).map((p) => ({ ...p, 'login-by': [...loginBy].join(',') }));
  const users = [...(base['ip/hotspot/user'] ?? [])];
  if (state.session === 'mac' && !users.some((u) => u.name === DEMO_MAC_DEVICE)) {
    users.push({ name: DEMO_MAC_DEVICE, password: '', profile: config.router.userProfile });
  }
  const guest = state.session === 'voucher' ? DEMO_USERS.voucher.name : state.session === 'mac' ? DEMO_MAC_DEVICE : DEMO_USERS.member.name;
  const limits: PropInput = { 'limit-uptime': state.limitTime, 'limit-bytes-total': state.limitBytes };
  return {
    ...base,
    'ip/hotspot/profile': profiles,
    'ip/hotspot/user': users.map((u) => (u.name === guest ? { ...u, ...limits } : u)),
  };
}

export function createScenario(config: PortalConfig, htmlDir: string, state: RouterState, setup?: PreviewSetup): Scenario {
  const router = new VirtualRouter({ htmlDir, config: scenarioConfig(config, state, setup), clock: new Clock({ frozen: true }) });
  const mac = state.session === 'mac' ? DEMO_MAC_DEVICE : SCENARIO_MAC;
  const notes: string[] = [];
  const hs = router.hotspot;
  hs.hosts.ensure(mac, router.clock.now());
  try {
    if (state.trial === 'used') {
      const trial = hs.login(mac, { username: `T-${mac}`, password: '' });
      if (trial.ok) router.clock.advance(hs.settings().trialUptimeLimitMs);
      hs.sweep();
    }
    const login = (user: { name: string; password: string }) => {
      const s = hs.settings();
      const password = s.loginBy.has('http-chap') ? chapFor(router, mac, user.password) : user.password;
      const result = hs.login(mac, { username: user.name, password });
      if (!result.ok) notes.push(`the router refused ${user.name}: ${result.error}`);
      return result.ok ? result : undefined;
    };
    switch (state.session) {
      case 'member':
        login(DEMO_USERS.member);
        break;
      case 'voucher':
        login(DEMO_USERS.voucher);
        break;
      case 'trial': {
        const result = hs.login(mac, { username: `T-${mac}`, password: '' });
        if (!result.ok) notes.push(`the router refused the trial: ${result.error}`);
        break;
      }
      case 'mac':
        if (!hs.autoLogin(mac)) notes.push('the router refused the MAC login');
        break;
      case 'cookie': {
        // A first login leaves the cookie; the session the page shows is the one the cookie opens.
        const first = login(DEMO_USERS.member);
        if (first?.cookie) {
          hs.logout(mac, false);
          if (!hs.cookieLogin(mac, first.cookie.value)) notes.push('the router refused the cookie');
        }
        break;
      }
      case 'none':
        break;
    }
    if (hs.session(mac)) {
      router.clock.advance(state.uptime);
      if (hs.session(mac)) hs.addTraffic(mac, { bytesIn: state.upload, bytesOut: state.download });
      if (!hs.session(mac)) notes.push(`the session ended: ${hs.lastEnded(mac)?.reason ?? 'limit reached'}`);
    }
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    notes.push(err.message);
  }
  if (state.error) router.servlet.forcedError = { key: state.error, detail: ERROR_DETAIL[state.error] };
  return { router, mac, notes };
}

/** The CHAP response the login page's script would send for this password. */
function chapFor(router: VirtualRouter, mac: string, password: string): string {
  const c = router.hotspot.chap.current(mac);
  return chapResponse(c.id, password, c.challenge);
}
