/** The shape of the texts a page receives from the build (virtual:hotspot/i18n/<page>). */
import type { MessageKey } from './locales/en.ts';

export type TextKey = MessageKey | 'brand.terms' | 'brand.support';

/** A page's texts in one locale: only the keys that page uses. */
export type Catalog = Partial<Record<TextKey, string>>;

export interface LocaleInfo {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
}

export interface I18nBundle {
  /** The default locale's texts, when the page does not carry them itself (login: in its full script). */
  inline?: { locale: string; messages: Catalog };
  defaultLocale: string;
  locales: readonly LocaleInfo[];
  /**
   * This page's texts in each locale but the default one (whose texts are in the page): a small
   * JSON file each, fetched for the chosen locale only (budgets count the largest).
   */
  urls: Readonly<Record<string, string>>;
  /** Texts needed only when the router reports an error, fetched only then (login page). */
  errorUrls: Readonly<Record<string, string>>;
}
