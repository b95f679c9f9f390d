/**
 * What a login sends, decided from what the router offers: CHAP when the page has chap-id (the hash
 * replaces the password), otherwise the plain password (PAP, or HTTPS login).
 */
import { chapResponse } from './chap.ts';
import type { ChapValues } from './chap-values.ts';

export interface GuestCredentials {
  username: string;
  password: string;
}

export interface LoginFields {
  username: string;
  password: string;
  dst: string;
  popup: 'false';
}

export function loginFields(creds: GuestCredentials, chap: ChapValues | undefined, dst: string): LoginFields {
  const password = chap ? chapResponse(chap.id, creds.password, chap.challenge) : creds.password;
  return { username: creds.username, password, dst, popup: 'false' };
}

/** The trial user name RouterOS expects: `T-` and the client's MAC (fact sheet §5.2). */
export function trialUsername(mac: string): string {
  return `T-${mac}`;
}

/** Voucher mode: one code is both the user name and the password. */
export function voucherCredentials(code: string): GuestCredentials {
  const c = code.trim();
  return { username: c, password: c };
}

/** How voucher codes are typed and sent (`login.voucher` in portal.config.ts). */
export interface VoucherSettings {
  /** 'upper': sent in capitals, as codes are printed; 'as-typed': unchanged. */
  case: 'upper' | 'as-typed';
  /** Separator characters dropped from the typed code (e.g. ' -'). */
  ignore: string;
  /** 'same-as-code': the code is user name and password; 'empty': the code is the user name only. */
  password: 'same-as-code' | 'empty';
}

/**
 * A typed voucher code as the router knows it: white space (a paste brings tabs and line breaks)
 * and the configured separators dropped, then capitals when codes are printed in capitals. The
 * voucher generator makes only codes this leaves unchanged, so a printed code always logs in.
 */
export function normaliseVoucherCode(typed: string, settings: VoucherSettings): string {
  let code = '';
  for (const ch of typed) if (!/\s/u.test(ch) && !settings.ignore.includes(ch)) code += ch;
  return settings.case === 'upper' ? code.toUpperCase() : code;
}

/** The credentials a typed voucher code logs in with, under the portal's voucher settings. */
export function voucherLogin(typed: string, settings: VoucherSettings): GuestCredentials {
  const code = normaliseVoucherCode(typed, settings);
  return { username: code, password: settings.password === 'empty' ? '' : code };
}
