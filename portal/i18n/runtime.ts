/**
 * The page's current language. Components read texts with t() and re-render through
 * LocaleController when the guest switches language. Each page gets only the texts it uses: in the
 * default locale inside the page (readTextsIsland), in the others one small JSON file per locale
 * (configureI18n), fetched for the chosen locale only.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { chooseLocale, saveLocale } from './choose.ts';
import { readTextsIsland, type InlineTexts } from './island.ts';
import type { Catalog, I18nBundle, LocaleInfo, TextKey } from './types.ts';

export type { TextKey, LocaleInfo };

let bundle: I18nBundle = { defaultLocale: 'en', locales: [], urls: {}, errorUrls: {} };
let inline: InlineTexts | undefined;
let withErrors = false;
let current = 'en';
let messages: Catalog = {};
let anchored = false;
/** Values every text may use, whatever its key: `{brand}`. */
let shared: Record<string, string> = {};
const listeners = new Set<() => void>();

/**
 * Text anchors: as the build renders a page that ships no Lit (tools/build/ssr.ts), every text
 * carries its key, which the build turns into `<!--t:key-->text<!--/t-->`, so the page's small script
 * can put the text in the guest's language in place (portal/pages/shared/static-page.ts).
 */
export const TEXT_MARK_OPEN = '\u{E002}';
export const TEXT_MARK_SPLIT = '\u{E003}';
export const TEXT_MARK_CLOSE = '\u{E004}';

/** `errors`: the page shows a router error, so fetch the error texts too. */
export function configureI18n(b: I18nBundle, errors = false, doc: Document = document): void {
  bundle = b;
  inline = b.inline ?? readTextsIsland(doc);
  current = b.defaultLocale;
  withErrors = errors;
}

/** Texts set directly, without a document (the build's server render of a page); `anchors`: mark each text with its key. */
export function useMessages(code: string, catalog: Catalog, anchors = false): void {
  current = code;
  messages = catalog;
  anchored = anchors;
}

/** Every text key of the page's catalog that starts with `prefix`. */
export function textKeys(prefix: string): TextKey[] {
  return Object.keys(messages).filter((k) => k.startsWith(prefix)) as TextKey[];
}

export function locales(): readonly LocaleInfo[] {
  return bundle.locales;
}

export function currentLocale(): string {
  return current;
}

/**
 * `text` with its `{name}` placeholders filled in, in one pass: a value is never read again, so a
 * brand name holding `{username}` stays those characters. Unknown names and lone braces stay as written.
 */
export function fill(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole: string, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Sets the values every text may use (`{brand}`): the page's script and the build's render call it once. */
export function useTextParams(params: Readonly<Record<string, string>>): void {
  shared = { ...params };
}

/** The text for `key` with its placeholders filled in (`{brand}` and `params`). */
export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  const text = fill(messages[key] ?? key, { ...shared, ...params });
  return anchored ? `${TEXT_MARK_OPEN}${key}${TEXT_MARK_SPLIT}${text}${TEXT_MARK_CLOSE}` : text;
}

export function hasText(key: TextKey): boolean {
  return messages[key] !== undefined;
}

/** Calls `fn` after every language switch; returns the function that stops it. */
export function onLocaleChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Sets the document title from a message key now and after every language switch. */
export function useTitle(key: TextKey, brand: string): void {
  const apply = () => (document.title = `${t(key)} · ${brand}`);
  apply();
  onLocaleChange(apply);
}

export async function setLocale(code: string, remember = false): Promise<void> {
  const info = bundle.locales.find((l) => l.code === code);
  if (!info) return;
  const own = inline?.locale === code ? inline.messages : undefined;
  const url = bundle.urls[code];
  if (!own && !url) return;
  const errorsUrl = withErrors ? bundle.errorUrls[code] : undefined;
  const [main, errors] = await Promise.all([own ?? fetchTexts(url!), errorsUrl ? fetchTexts(errorsUrl) : {}]);
  messages = { ...main, ...errors };
  current = code;
  document.documentElement.lang = code;
  document.documentElement.dir = info.dir;
  if (remember) saveLocale(code);
  for (const fn of listeners) fn();
}

/** The page now shows a router error: its texts too, in the current language (once). */
export async function loadErrorTexts(): Promise<void> {
  if (withErrors) return;
  withErrors = true;
  await setLocale(current).catch(() => undefined); // without them the router's own text shows
}

async function fetchTexts(url: string): Promise<Catalog> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as Catalog;
}

/** Applies the guest's language before the first render. */
export async function initLocale(): Promise<void> {
  const code = chooseLocale(
    bundle.locales.map((l) => l.code),
    bundle.defaultLocale,
  );
  try {
    await setLocale(code);
  } catch {
    await setLocale(bundle.defaultLocale); // a language file that fails to load must not leave a blank page
  }
}

/** Re-renders its host whenever the language changes. */
export class LocaleController implements ReactiveController {
  private stop: (() => void) | undefined;
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    this.stop = onLocaleChange(() => this.host.requestUpdate());
  }
  hostDisconnected(): void {
    this.stop?.();
  }
}
