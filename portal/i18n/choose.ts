/** Picking the guest's language: their saved choice, else the browser's list, else the default. */
export const STORAGE_KEY = 'hs-locale';

/** The best of `available` for the wanted tags (`es-MX` → `es`, `pt-BR` → `pt-br`). */
export function matchLocale(wanted: readonly string[], available: readonly string[], fallback: string): string {
  for (const tag of wanted) {
    const t = tag.toLowerCase();
    if (available.includes(t)) return t;
    const base = t.split('-')[0]!;
    if (available.includes(base)) return base;
    const sibling = available.find((a) => a.split('-')[0] === base);
    if (sibling) return sibling;
  }
  return fallback;
}

export function savedLocale(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined; // storage can be disabled in captive-portal windows
  }
}

export function saveLocale(code: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // not remembered; the choice still applies to this page
  }
}

export function chooseLocale(available: readonly string[], fallback: string): string {
  const saved = savedLocale();
  if (saved && available.includes(saved)) return saved;
  return matchLocale(navigator.languages?.length ? navigator.languages : [navigator.language], available, fallback);
}
