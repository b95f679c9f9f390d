/**
 * The ticket sheet as a PDF, printed by Chromium (Playwright) from the same HTML: the page size and
 * margins come from the sheet's own `@page` rule, so a restyled template controls them too.
 */
import { launchChromium } from '../lib/chromium.ts';

export async function renderPdf(html: string): Promise<Buffer> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // The sheet is self-contained; nothing may be fetched while it renders.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
