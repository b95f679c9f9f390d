/**
 * The page's texts in the default locale, written into the page by the build as a JSON data island
 * (tools/build/page-texts.ts), so the first render needs no request. Other locales are fetched.
 */
import type { Catalog } from './types.ts';

export const TEXTS_ISLAND_ID = 'hs-texts';

export interface InlineTexts {
  locale: string;
  messages: Catalog;
}

/** The island's texts, or undefined when the page has none (or it is not valid JSON). */
export function readTextsIsland(doc: Document = document): InlineTexts | undefined {
  const el = doc.getElementById(TEXTS_ISLAND_ID);
  try {
    return el ? { locale: el.dataset['locale'] ?? '', messages: JSON.parse(el.textContent ?? '') as Catalog } : undefined;
  } catch {
    return undefined;
  }
}
