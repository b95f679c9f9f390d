/**
 * Sending a login to the router, the one path every login takes (the page's small early script and
 * the full page alike): member and voucher logins hashed with CHAP when the router offers it, the free
 * trial as `T-<mac>`. The typed password never leaves the page when CHAP is on.
 */
import type { ChapValues } from './chap.ts';
import { safeHttpUrl } from './links.ts';
import { loginFields, trialUsername, voucherLogin, type VoucherSettings } from './login.ts';
import type { RouterValues } from './router-values.ts';
import { postLogin, type LoginOutcome } from './send.ts';

/** A voucher request carries the code as typed; `voucher` (login.voucher) says how it is sent. */
export type LoginRequest = { mode: 'member' | 'voucher'; username: string; password: string } | { mode: 'trial' };

const TERMS_KEY = 'hs-terms-accepted';

/** The terms tick, kept for the page the router answers a failed login with (this tab only). */
export function rememberTerms(accepted: boolean): void {
  try {
    if (accepted) sessionStorage.setItem(TERMS_KEY, '1');
    else sessionStorage.removeItem(TERMS_KEY);
  } catch {
    // storage off in some captive windows: the guest ticks again
  }
}

/** The tick of the login that just failed (`error` set): the guest need not tick again. */
export function termsRemembered(values: RouterValues): boolean {
  try {
    return Boolean(values.get('error')) && sessionStorage.getItem(TERMS_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * Sends the login; true while it is on its way. `then` hears what became of it when the page is still
 * there: the router could not be reached (the CHAP answer is still good, the router never saw it), or
 * it answered a failed login with this page again.
 */
export function submitLogin(
  values: RouterValues,
  chap: ChapValues | undefined,
  req: LoginRequest,
  voucher?: VoucherSettings,
  then?: (outcome: LoginOutcome) => void,
): boolean {
  const action = safeHttpUrl(values.get('link-login-only') || 'login');
  if (!action) return false;
  const dst = safeHttpUrl(values.get('link-orig'))?.href ?? '';
  const send = (fields: Record<string, string>) => {
    void postLogin(action.href, fields).then((outcome) => then?.(outcome));
    return true;
  };
  if (req.mode === 'trial') {
    const mac = values.get('mac');
    return mac ? send({ username: trialUsername(mac), dst, popup: 'false' }) : false;
  }
  const creds = req.mode === 'voucher' && voucher ? voucherLogin(req.username, voucher) : { username: req.username, password: req.password };
  return send({ ...loginFields(creds, chap, dst), var: req.mode });
}
