/** The page's CHAP challenge, as login.html's inline script sets it (without MD5: see chap.ts). */
export interface ChapValues {
  id: string;
  challenge: string;
}

declare global {
  interface Window {
    /** Set by the classic inline script of login.html, inside `$(if chap-id)`. */
    hsChap?: { id?: unknown; challenge?: unknown };
  }
}

/** The CHAP values of this page, or undefined when the router did not offer CHAP. */
export function readChap(win: Window = window): ChapValues | undefined {
  const c = win.hsChap;
  if (!c || typeof c.id !== 'string' || typeof c.challenge !== 'string' || !c.id || c.id.startsWith('$(')) return undefined;
  return { id: c.id, challenge: c.challenge };
}
