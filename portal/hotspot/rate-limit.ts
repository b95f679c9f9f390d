/**
 * Mikrotik-Rate-Limit (`$(radius8-14988)`) as a guest reads it. RouterOS writes it as
 * `rx-rate[/tx-rate] [rx-burst-rate[/tx-burst-rate] …]` in bits per second with k/M/G suffixes
 * (×1000), seen from the router: rx is what it receives from the guest (their upload), tx what it
 * sends (their download); a lone rate is both. Only the first pair, the sustained rate, is shown.
 */
export interface RateLimit {
  /** Bits per second the guest may download. */
  down: number;
  /** Bits per second the guest may upload. */
  up: number;
}

const RATE = /^(\d+(?:\.\d+)?)([kKmMgG]?)$/;
const SCALE: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9 };

function bits(text: string): number | undefined {
  const m = RATE.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]) * SCALE[m[2]!.toLowerCase()]!;
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The sustained rates, or undefined when the text is empty, unlimited (0) or not a rate. */
export function parseRateLimit(text: string): RateLimit | undefined {
  const pair = (text.trim().split(/\s+/)[0] ?? '').split('/');
  if (pair.length > 2) return undefined;
  const up = bits(pair[0] ?? '');
  const down = bits(pair[1] ?? pair[0] ?? '');
  return up !== undefined && down !== undefined ? { down, up } : undefined;
}
