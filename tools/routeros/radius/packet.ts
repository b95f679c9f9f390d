/**
 * RADIUS packets through the `radius` npm package (encoding, authenticators, User-Password hiding),
 * with the dictionaries this project ships (MikroTik vendor 14988, WISPr 14122) loaded once.
 * What is added here is only what the package leaves to its user: reading a reply's attributes in
 * order, vendor ones included, as the `$(radius<id>)` page variables need them (fact sheet §2.7).
 */
import { fileURLToPath } from 'node:url';
import radius from 'radius';
import type { RadiusAttributes } from '../engine/index.ts';

export const VENDOR_MIKROTIK = 14988;
export const VENDOR_WISPR = 14122;
const VENDOR_SPECIFIC = 26;

let loaded = false;
/** The package keeps its dictionaries in module state; ours are added before its first use. */
export function radiusLib(): typeof radius {
  if (!loaded) {
    radius.add_dictionary(fileURLToPath(new URL('./dictionaries/', import.meta.url)));
    radius.unload_dictionaries();
    loaded = true;
  }
  return radius;
}

/** An attribute as sent: a standard one by name, or a vendor one as [vendor id, [[name, value]]]. */
export type Attribute = [string, unknown] | ['Vendor-Specific', number, Array<[string, unknown]>];

export interface DecodedPacket {
  code: string;
  identifier: number;
  /** Decoded by name; repeated attributes become arrays; vendor ones under `Vendor-Specific`. */
  attributes: Record<string, unknown>;
  raw: RawAttribute[];
  /** The package's own decoded form, which its encode_response answers. */
  source: ReturnType<typeof radius.decode>;
}

/** One attribute of a packet in wire order, a vendor one unpacked from its Vendor-Specific wrapper. */
export interface RawAttribute {
  id: number;
  vendor?: number;
  value: Buffer;
}

export function decode(packet: Buffer, secret: string): DecodedPacket {
  const d = radiusLib().decode({ packet, secret });
  return {
    code: d.code,
    identifier: d.identifier,
    attributes: d.attributes as Record<string, unknown>,
    raw: unpackRaw(d.raw_attributes as Array<[number, Buffer]>),
    source: d,
  };
}

/** A server's answer to a decoded request, with the authenticator from the request and the shared secret. */
export function encodeAnswer(request: DecodedPacket, code: string, attributes: Attribute[], secret: string): Buffer {
  return radiusLib().encode_response({ packet: request.source, code, secret, attributes });
}

function unpackRaw(list: Array<[number, Buffer]>): RawAttribute[] {
  const out: RawAttribute[] = [];
  for (const [id, value] of list) {
    if (id !== VENDOR_SPECIFIC || value.length < 6) {
      out.push({ id, value });
      continue;
    }
    const vendor = value.readUInt32BE(0);
    // RFC 2865 §5.26's suggested layout (type, length, value), which MikroTik and WISPr both use.
    for (let at = 4; at + 2 <= value.length;) {
      const len = value[at + 1]!;
      if (len < 2 || at + len > value.length) break;
      out.push({ id: value[at]!, vendor, value: value.subarray(at + 2, at + len) });
      at += len;
    }
  }
  return out;
}

/** The dictionary type of an attribute (`integer`, `string`, …); the package keeps no public accessor. */
function dictionaryType(id: number, vendor: number | undefined): string | undefined {
  const lib = radiusLib() as unknown as { _attr_to(attr: number, vendor: number | undefined, target: number): unknown };
  const t = lib._attr_to(id, vendor ?? -1, 2);
  return typeof t === 'string' ? t : undefined;
}

/**
 * The reply's attributes as the engine's `radius<id>` values: keyed `<id>` or `<id>-<vendor>`, repeats
 * in order. Integer attributes are written in decimal so that `radius27` and `radius27u` both read 3600;
 * anything else is its bytes as UTF-8 text. (What RouterOS prints for the text form of an integer
 * attribute is UNCERTAIN; see docs/routeros-fidelity.md.)
 */
export function pageAttributes(raw: readonly RawAttribute[]): RadiusAttributes {
  const out: Record<string, string[]> = {};
  for (const a of raw) {
    if (a.id === VENDOR_SPECIFIC) continue;
    const key = a.vendor === undefined ? String(a.id) : `${a.id}-${a.vendor}`;
    const type = dictionaryType(a.id, a.vendor);
    const text =
      (type === 'integer' || type === 'date' || type === 'time') && a.value.length === 4
        ? String(a.value.readUInt32BE(0))
        : type === 'ipaddr' && a.value.length === 4
          ? [...a.value].join('.')
          : a.value.toString('utf8');
    (out[key] ??= []).push(text);
  }
  return out;
}

/** The values of an attribute by name, standard or vendor, in order. */
export function values(p: DecodedPacket, name: string): unknown[] {
  const vsa = p.attributes['Vendor-Specific'] as Record<string, unknown> | undefined;
  const v = p.attributes[name] ?? vsa?.[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function first(p: DecodedPacket, name: string): unknown {
  return values(p, name)[0];
}
