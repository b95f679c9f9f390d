/** The browser tests' Chromium launcher: the toolkit's own (tools/lib/chromium.ts), shared with the bench. */
export { SYSTEM_CHROMIUM, chromiumArgs, launchChromium, type LaunchChromiumOptions } from '../../tools/lib/chromium.ts';
