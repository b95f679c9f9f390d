/**
 * Sending a login to the router, the one path every login takes (the page's small early script and
 * the full page alike): member and voucher logins hashed with CHAP when the router offers it, the free
 * trial as `T-<mac>`. The typed password never leaves the page when CHAP is on.
 */
import type { ChapValues } from './chap.ts';
import { safeHttpUrl } from './links.ts';
import { loginFields, trialUsername } from './login.ts';
import type { RouterValues } from './router-values.ts';
import { sendForm } from './send.ts';

export type LoginRequest = { mode: 'member' | 'voucher'; username: string; password: string } | { mode: 'trial' };

export function submitLogin(values: RouterValues, chap: ChapValues | undefined, req: LoginRequest): boolean {
  const action = values.get('link-login-only') || 'login';
  const dst = safeHttpUrl(values.get('link-orig'))?.href ?? '';
  if (req.mode === 'trial') {
    const mac = values.get('mac');
    return mac ? sendForm(action, { username: trialUsername(mac), dst, popup: 'false' }) : false;
  }
  const fields = loginFields({ username: req.username, password: req.password }, chap, dst);
  return sendForm(action, { ...fields, var: req.mode });
}
