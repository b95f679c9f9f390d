/**
 * Sending a login to the router, the one path every login takes (the page's small early script and
 * the full page alike): member and voucher logins hashed with CHAP when the router offers it, the free
 * trial as `T-<mac>`. The typed password never leaves the page when CHAP is on.
 */
import type { ChapValues } from './chap.ts';
import { safeHttpUrl } from './links.ts';
import { loginFields, trialUsername, voucherLogin, type VoucherSettings } from './login.ts';
import type { RouterValues } from './router-values.ts';
import { sendForm } from './send.ts';

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

export function submitLogin(values: RouterValues, chap: ChapValues | undefined, req: LoginRequest, voucher?: VoucherSettings): boolean {
  const action = values.get('link-login-only') || 'login';
  const dst = safeHttpUrl(values.get('link-orig'))?.href ?? '';
  if (req.mode === 'trial') {
    const mac = values.get('mac');
    return mac ? sendForm(action, { username: trialUsername(mac), dst, popup: 'false' }) : false;
  }
  const creds = req.mode === 'voucher' && voucher ? voucherLogin(req.username, voucher) : { username: req.username, password: req.password };
  const fields = loginFields(creds, chap, dst);
  return sendForm(action, { ...fields, var: req.mode });
}
