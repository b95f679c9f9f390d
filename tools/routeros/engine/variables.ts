/**
 * Looking up `$(name)` values: plain names from a variable source, the `-esc` form of any of them
 * (form URL encoding, fact sheet §2.8) and the RADIUS forms (§2.7).
 */
import { RADIUS_NAME } from '../data/variables.ts';

export type VariableSource = Readonly<Record<string, string>> | ReadonlyMap<string, string> | ((name: string) => string | undefined);

/** RADIUS reply attributes by "<id>" or "<id>-<vendor>", each a list (repeated attributes keep order). */
export type RadiusAttributes = Readonly<Record<string, readonly string[]>>;

export interface RenderContext {
  vars: VariableSource;
  radius?: RadiusAttributes;
}

/**
 * Form URL encoding as RouterOS documents it for `-esc`: `123&456=1 2` → `123%26456%3D1+2`.
 * Which characters stay bare is UNCERTAIN; we keep only A–Z a–z 0–9 `*-._` (the WHATWG
 * application/x-www-form-urlencoded set), so quotes, `<`, `:` and `/` are always encoded.
 */
export function formEscape(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/** The value a variable source holds for `name`, without derived forms. */
export function lookupSource(source: VariableSource, name: string): string | undefined {
  if (typeof source === 'function') return source(name);
  if (source instanceof Map) return source.get(name);
  const rec = source as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(rec, name) ? rec[name] : undefined;
}

/** The value of `name`, or undefined when the name is not a variable in this context. */
export function resolveVariable(name: string, ctx: RenderContext): string | undefined {
  const value = lookupSource(ctx.vars, name);
  if (value !== undefined) return value;
  const radius = RADIUS_NAME.exec(name);
  if (radius) {
    const [, id, vendor, unsigned, index] = radius;
    const list = ctx.radius?.[vendor ? `${id}-${vendor}` : id!] ?? [];
    const text = list[index ? Number(index) : 0];
    if (unsigned) return text !== undefined && /^\d+$/.test(text) ? text : '0';
    return text ?? '';
  }
  if (name.endsWith('-esc')) {
    const base = resolveVariable(name.slice(0, -4), ctx);
    return base === undefined ? undefined : formEscape(base);
  }
  return undefined;
}
