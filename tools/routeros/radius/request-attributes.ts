/**
 * Login parameters `radius<id>`, `radius<id>u`, `radius<id>-<vendor>` and `radius<id>-<vendor>u` add an
 * attribute to the Access-Request, as text or as an unsigned 32-bit integer (fact sheet §4.1). Attributes
 * the router writes itself (user name, passwords, NAS and station identity, Message-Authenticator) are not
 * taken from the page, so a guest cannot speak for the router.
 */
import type { Attribute } from './packet.ts';

const PARAM = /^radius(\d{1,3})(?:-(\d{1,10}))?(u)?$/;
/** User-Name … NAS-Port, Service-Type, Framed-IP-Address, Called/Calling-Station-Id, NAS-Identifier, Acct-*, CHAP-Challenge, NAS-Port-Type, EAP-Message, Message-Authenticator, NAS-Port-Id. */
const RESERVED = new Set([1, 2, 3, 4, 5, 6, 8, 30, 31, 32, 40, 44, 60, 61, 79, 80, 87]);
const MAX_TEXT = 253;

export function requestAttributes(params: URLSearchParams): Attribute[] {
  const out: Attribute[] = [];
  for (const [name, value] of params) {
    const m = PARAM.exec(name);
    if (!m) continue;
    const id = Number(m[1]);
    const vendor = m[2] === undefined ? undefined : Number(m[2]);
    if (id < 1 || id > 255 || (vendor === undefined && (RESERVED.has(id) || id === 26))) continue;
    let bytes: Buffer;
    if (m[3]) {
      if (!/^\d{1,10}$/.test(value) || Number(value) > 0xffffffff) continue;
      bytes = Buffer.alloc(4);
      bytes.writeUInt32BE(Number(value));
    } else {
      bytes = Buffer.from(value, 'utf8');
      if (bytes.length === 0 || bytes.length > MAX_TEXT - (vendor === undefined ? 0 : 8)) continue;
    }
    if (vendor === undefined) out.push([id, bytes] as unknown as Attribute);
    else if (vendor > 0 && vendor <= 0xffffff) out.push(['Vendor-Specific', vendor, [[id, bytes] as unknown as [string, unknown]]]);
  }
  return out;
}
