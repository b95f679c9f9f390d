/**
 * Router values, the one reviewed path (DESIGN.md "Getting router values into the page safely"):
 * the page shell carries `name=$(name-esc)&…` inside a raw-text element; URLSearchParams undoes the
 * router's form encoding (`+` is a space, then %XX as UTF-8). Values are only ever shown as text.
 */
export const DATA_ISLAND_ID = 'hs-data';

export class RouterValues {
  constructor(private readonly values: ReadonlyMap<string, string>) {}

  /** The decoded value, or '' when the page did not carry it (or it was not substituted). */
  get(name: string): string {
    return this.values.get(name) ?? '';
  }

  /** A counter or seconds value; undefined when empty, `---` (unlimited) or not a number. */
  number(name: string): number | undefined {
    const v = this.get(name).trim();
    return /^\d+$/.test(v) ? Number(v) : undefined;
  }

  is(name: string, expected: string): boolean {
    return this.get(name) === expected;
  }
}

/**
 * Parses the island text. A value still reading `$(…)` as written in the file means no router filled it
 * (file opened raw); the check is on the text before decoding, because a filled value has its `$` and
 * `(` percent-encoded, so a hostile value such as `$(link-login)` is kept, as text.
 */
export function parseRouterValues(text: string): RouterValues {
  const map = new Map<string, string>();
  for (const pair of text.trim().split('&')) {
    const [entry] = new URLSearchParams(pair);
    if (!entry || map.has(entry[0])) continue;
    const raw = pair.slice(pair.indexOf('=') + 1);
    map.set(entry[0], raw.startsWith('$(') ? '' : entry[1]);
  }
  return new RouterValues(map);
}

export function readRouterValues(doc: Document = document): RouterValues {
  return parseRouterValues(doc.getElementById(DATA_ISLAND_ID)?.textContent ?? '');
}
