/**
 * The dark colours pages switch to when the guest's device prefers a dark scheme: what the designer
 * wrote in brand.colors.dark, and for the rest colours derived from the light brand (the brand's own
 * primary and error hues, lightened until they read on the dark surface).
 */
import { contrastRatio, parseHex } from './contrast.ts';

export const COLOUR_NAMES = ['primary', 'onPrimary', 'background', 'surface', 'text', 'muted', 'error'] as const;
export type ColourName = (typeof COLOUR_NAMES)[number];
export type Palette = Record<ColourName, string>;

/** WCAG AA for normal text: the build refuses brand colour pairs below it, light and dark alike. */
export const MIN_CONTRAST = 4.5;

const NEUTRAL = { background: '#10161d', surface: '#1b232d', text: '#e8edf3', muted: '#a9b4c2' };

const hex = (rgb: readonly number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** `colour` mixed toward white in small steps until it reads on `bg`; white at the latest. */
function readableOn(colour: string, bg: string): string {
  const rgb = parseHex(colour) ?? [255, 255, 255];
  for (let t = 0; t < 1; t += 0.05) {
    const mixed = hex(rgb.map((c) => c + (255 - c) * t));
    if (contrastRatio(mixed, bg) >= MIN_CONTRAST) return mixed;
  }
  return '#ffffff';
}

/** The dark palette: `given` (brand.colors.dark, any part of it) over colours derived from `light`. */
export function darkPalette(light: Readonly<Palette>, given: Readonly<Partial<Palette>> = {}): Palette {
  const surface = given.surface ?? NEUTRAL.surface;
  const primary = given.primary ?? readableOn(light.primary, surface);
  const background = given.background ?? NEUTRAL.background;
  const onPrimary = given.onPrimary ?? (contrastRatio(background, primary) >= contrastRatio('#ffffff', primary) ? background : '#ffffff');
  return {
    primary,
    onPrimary,
    background,
    surface,
    text: given.text ?? NEUTRAL.text,
    muted: given.muted ?? NEUTRAL.muted,
    error: given.error ?? readableOn(light.error, surface),
  };
}

/** The pairs of a palette that carry text, each as [foreground, background]. */
export const TEXT_PAIRS: ReadonlyArray<readonly [ColourName, ColourName]> = [
  ['text', 'background'],
  ['text', 'surface'],
  ['muted', 'surface'],
  ['primary', 'surface'],
  ['onPrimary', 'primary'],
  ['error', 'surface'],
];
