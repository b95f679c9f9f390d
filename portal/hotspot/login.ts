/**
 * What a login sends, decided from what the router offers: CHAP when the page has chap-id (the hash
 * replaces the password), otherwise the plain password (PAP, or HTTPS login).
 */
import { chapResponse, type ChapValues } from './chap.ts';

export interface Credentials {
  username: string;
  password: string;
}

export interface LoginFields {
  username: string;
  password: string;
  dst: string;
  popup: 'false';
}

export function loginFields(creds: Credentials, chap: ChapValues | undefined, dst: string): LoginFields {
  const password = chap ? chapResponse(chap.id, creds.password, chap.challenge) : creds.password;
  return { username: creds.username, password, dst, popup: 'false' };
}

/** The trial user name RouterOS expects: `T-` and the client's MAC (fact sheet §5.2). */
export function trialUsername(mac: string): string {
  return `T-${mac}`;
}

/** Voucher mode: one code is both the user name and the password. */
export function voucherCredentials(code: string): Credentials {
  const c = code.trim();
  return { username: c, password: c };
}
