/**
 * The shell's own texts (the support footer), and on the login page (light DOM) every text that is all
 * its element holds, carry data-t with their key: put them in the current language.
 */
import { t, type TextKey } from '../../i18n/runtime.ts';

export function translateShell(params: Record<string, string | number> = {}, root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t(el.dataset['t'] as TextKey, params);
}
