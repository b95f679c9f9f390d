/**
 * RouterOS string literals, for everything that writes RouterOS script or console text (the CLI's
 * print output, deploy's config scripts): `"`, `\`, `$` and `?` escaped, control characters as
 * `\n`, `\r`, `\t` or `\XX` (RouterOS scripting manual, "Constant escape sequences").
 */
export function routerosString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\' || ch === '$' || ch === '?') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += '\\' + code.toString(16).toUpperCase().padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}
