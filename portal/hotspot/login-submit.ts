/**
 * What a login sends to the router, the one path every login takes (the page's small first script
 * and its second script alike): member and voucher logins hashed with CHAP when the router offers
 * it, the free trial as `T-<mac>`. The typed password never leaves the page when CHAP is on.
 */
import type { ChapValues } from './chap-values.ts';
import { safeHttpUrl } from './links.ts';
import { loginFields, trialUsername, voucherLogin, type VoucherSettings } from './login.ts';
import type { RouterValues } from './router-values.ts';

/** A voucher request carries the code as typed; `voucher` (login.voucher) says how it is sent. */
export type LoginRequest = { mode: 'member' | 'voucher'; username: string; password: string } | { mode: 'trial' };

/** Where a login goes and the fields it sends there. */
export interface LoginPost {
  action: string;
  fields: Record<string, string>;
}

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

/** The login to post, or undefined when the router gave no http(s) place to post it (or no MAC for a trial). */
export function loginPost(values: RouterValues, chap: ChapValues | undefined, req: LoginRequest, voucher?: VoucherSettings): LoginPost | undefined {
  const action = safeHttpUrl(values.get('link-login-only') || 'login')?.href;
  if (!action) return undefined;
  const dst = safeHttpUrl(values.get('link-orig'))?.href ?? '';
  if (req.mode === 'trial') {
    const mac = values.get('mac');
    return mac ? { action, fields: { username: trialUsername(mac), dst, popup: 'false' } } : undefined;
  }
  const creds = req.mode === 'voucher' && voucher ? voucherLogin(req.username, voucher) : { username: req.username, password: req.password };
  return { action, fields: { ...loginFields(creds, chap, dst), var: req.mode } };
}
