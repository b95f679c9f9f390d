/**
 * The hotspot profile's `radius-mac-format`: how a MAC is written into Calling-Station-Id and, for MAC
 * authentication, User-Name (fact sheet §5.3). Each `X` is a hex digit written upper-case, each `x` one
 * written lower-case; the separators stay as they are.
 */
export const RADIUS_MAC_FORMATS = [
  'XX:XX:XX:XX:XX:XX',
  'XXXX:XXXX:XXXX',
  'XXXXXX:XXXXXX',
  'XX-XX-XX-XX-XX-XX',
  'XXXXXX-XXXXXX',
  'XXXXXXXXXXXX',
  'XX XX XX XX XX XX',
  'XXXX.XXXX.XXXX',
] as const;

/** The formats with upper- and lower-case digits, as the profile accepts them. */
export const RADIUS_MAC_FORMAT_VALUES: readonly string[] = [...RADIUS_MAC_FORMATS, ...RADIUS_MAC_FORMATS.map((f) => f.toLowerCase())];

/** `02:00:00:00:00:4D` in `xxxx.xxxx.xxxx` → `0200.0000.004d`. */
export function formatMac(mac: string, format: string): string {
  const digits = mac.replace(/[^0-9A-Fa-f]/g, '');
  const fmt = RADIUS_MAC_FORMAT_VALUES.includes(format) ? format : RADIUS_MAC_FORMATS[0];
  let i = 0;
  let out = '';
  for (const ch of fmt) {
    if (ch === 'X') out += (digits[i++] ?? '0').toUpperCase();
    else if (ch === 'x') out += (digits[i++] ?? '0').toLowerCase();
    else out += ch;
  }
  return out;
}
