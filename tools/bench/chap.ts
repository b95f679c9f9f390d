/**
 * A simulated guest's side of HTTP-CHAP, for the load generator: the chap-id and chap-challenge a
 * served login page holds (RouterOS writes each byte as a `\ooo` octal escape), and the answer
 * MD5(id ‖ password ‖ challenge) in lower-case hex (fact sheet §4.2).
 */
import { createHash } from 'node:crypto';

export interface ChapBytes {
  id: Buffer;
  challenge: Buffer;
}

/** Bytes of a RouterOS `\ooo` octal-escaped string. */
export function octalBytes(escaped: string): Buffer {
  const groups = escaped.match(/\\[0-7]{3}/g) ?? [];
  if (!escaped || groups.join('') !== escaped) throw new Error(`not an octal-escaped string: ${escaped.slice(0, 40)}`);
  return Buffer.from(groups.map((g) => parseInt(g.slice(1), 8)));
}

const OCTAL = String.raw`((?:\\[0-7]{3})+)`;
/** The portal's classic inline script: `var hsChap = { id: '…', challenge: '…' };` */
const PORTAL = new RegExp(String.raw`hsChap\s*=\s*\{\s*id:\s*'${OCTAL}',\s*challenge:\s*'${OCTAL}'`);
/** A classic page: `hexMD5('…' + password + '…')`. */
const CLASSIC = new RegExp(String.raw`hexMD5\(\s*'${OCTAL}'\s*\+[^+]+\+\s*'${OCTAL}'\s*\)`);

/** The CHAP values of a served login page (the portal's or a classic one), or an error saying none were found. */
export function chapFromPage(html: string): ChapBytes {
  const m = PORTAL.exec(html) ?? CLASSIC.exec(html);
  if (!m) throw new Error('the login page carries no chap-id and chap-challenge');
  return { id: octalBytes(m[1]!), challenge: octalBytes(m[2]!) };
}

export function chapAnswer(chap: ChapBytes, password: string): string {
  return createHash('md5').update(chap.id).update(password, 'utf8').update(chap.challenge).digest('hex');
}
