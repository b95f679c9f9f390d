/**
 * A page in a forced colour scheme, for the workbench and gallery: an iframe always follows the
 * designer's system setting (Chromium ignores `color-scheme` on the frame element for
 * `prefers-color-scheme`), so the preview rewrites the page's own media queries instead. The pages
 * take dark mode from `prefers-color-scheme` alone (templates/partials/style.hbs), so this shows
 * exactly what a guest whose device is set that way sees.
 */
export type ColorScheme = 'light' | 'dark';

const QUERY = /@media\s*\(\s*prefers-color-scheme\s*:\s*(light|dark)\s*\)/gi;
const DECLARED = /color-scheme\s*:\s*light\s+dark\b|color-scheme\s*:\s*dark\s+light\b/gi;

/** The page's CSS with every `prefers-color-scheme` query answered as `scheme` would answer it. */
export function forceColorScheme(text: string, scheme: ColorScheme): string {
  return text
    .replace(QUERY, (_m, asked: string) => (asked.toLowerCase() === scheme ? '@media all' : '@media not all'))
    .replace(DECLARED, `color-scheme:${scheme}`);
}
