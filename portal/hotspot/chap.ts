/**
 * HTTP-CHAP response: lower-case hex MD5 over chap-id ‖ UTF-8 password ‖ chap-challenge (fact sheet §4.2).
 * Only crypto-js's core and MD5 are imported, never the whole library. Reading the
 * page's challenge is chap-values.ts, apart, so a script that only reads it does not carry MD5.
 * chap-id and chap-challenge reach us as JS strings whose characters are single bytes (0–255): the
 * router writes them as octal escapes inside a quoted string of a classic inline script.
 */
import MD5 from 'crypto-js/md5';
// The Latin-1 encoder is core's own (crypto-js/enc-latin1 only hands it on): core and md5, nothing else.
import CryptoJS from 'crypto-js/core';

/** The password's UTF-8 bytes, one character per byte. */
function utf8Binary(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) out += String.fromCharCode(byte);
  return out;
}

export function chapResponse(chapId: string, password: string, challenge: string): string {
  for (const s of [chapId, challenge]) {
    // A character above 255 means the value did not come from octal escapes: refuse to guess.
    if (/[^\x00-\xff]/.test(s)) throw new Error('chap-id and chap-challenge must be byte strings');
  }
  return MD5(CryptoJS.enc.Latin1.parse(chapId + utf8Binary(password) + challenge)).toString();
}
