/**
 * The router's error in the guest's language: translated from its key (error-type) with the
 * catalog's `errors.*` texts, else the router's own text (errors.txt of the served directory).
 */
import type { RouterValues } from '../../hotspot/router-values.ts';
import { hasText, t, type TextKey } from '../../i18n/runtime.ts';

export function routerErrorText(v: RouterValues): string {
  const type = v.get('error-type');
  // A voucher the router refused is a code problem, not a "wrong username or password".
  if (type === 'invalid-username' && v.is('var', 'voucher') && hasText('login.voucherInvalid')) return t('login.voucherInvalid');
  const key = `errors.${type}` as TextKey;
  if (type && /^[a-z0-9-]+$/.test(type) && hasText(key)) {
    return t(key, { username: v.get('username'), ip: v.get('ip'), detail: v.get('error-orig') });
  }
  return v.get('error');
}
