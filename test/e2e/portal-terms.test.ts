/**
 * The full terms, reachable before login: a page of the portal (brand.terms.page → terms.html, served
 * by the router like the pages) or an address on another site (brand.terms.url), whose host the router
 * model puts in the walled garden, so the virtual router lets a guest who is not logged in through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { validateConfig, type PortalConfigInput } from '../../tools/config/index.ts';
import { exampleRouter } from '../../tools/router/example-config.ts';
import { axeViolations, HOTSPOT, live, Portal, ROUTER } from './portal-harness.ts';

describe('terms in the bundle (brand.terms.page)', () => {
  const config: PortalConfigInput = {
    ...example,
    brand: { ...example.brand, terms: { ...example.brand.terms!, page: 'test/fixtures/brand/terms.html' } },
  };
  let portal: Portal;
  beforeAll(async () => {
    portal = await Portal.start(ROUTER, config);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it.each(['light', 'dark'] as const)('opens from the login page before login and leads back (%s)', async (colorScheme) => {
    const { page, context } = await portal.guest(`02:00:00:00:13:0${colorScheme === 'light' ? 1 : 2}`, { colorScheme });
    await page.goto(`${HOTSPOT}/login`);
    await live(page, 'Welcome to Acme Guest Wi-Fi');
    const [response] = await Promise.all([
      page.waitForResponse(`${HOTSPOT}/terms.html`),
      page.getByRole('link', { name: 'Read the terms of use' }).click(),
    ]);
    expect(response.status()).toBe(200); // served, not a redirect to the login page
    await page.getByRole('heading', { name: 'Terms of use' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Fair use' }).isVisible()).toBe(true);
    expect(await page.title()).toBe('Terms of use · Acme Guest Wi-Fi');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Back to log in' }).click();
    await live(page, 'Welcome to Acme Guest Wi-Fi');
    await context.close();
  });

  it('is linked without JavaScript too', async () => {
    const { page, context } = await portal.guest('02:00:00:00:13:03', { javaScriptEnabled: false });
    await page.goto(`${HOTSPOT}/login`);
    await page.getByRole('link', { name: 'Read the terms of use' }).click();
    await page.getByRole('heading', { name: 'Terms of use' }).waitFor();
    expect(page.url()).toBe(`${HOTSPOT}/terms.html`);
    await context.close();
  });
});

describe('terms on another site (brand.terms.url)', () => {
  const TERMS = 'http://legal.acme-hotels.example/wifi-terms?lang=en';
  const config: PortalConfigInput = { ...example, brand: { ...example.brand, terms: { text: example.brand.terms!.text, url: TERMS } } };
  let portal: Portal;
  beforeAll(async () => {
    // The preview's router: the router model of this config (its walled garden included) plus demo guests.
    portal = await Portal.start(exampleRouter(validateConfig(config)), config);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('opens before login: the walled garden lets it through, and nothing else', async () => {
    const { page, context } = await portal.guest('02:00:00:00:13:04');
    await page.goto(`${HOTSPOT}/login`);
    await live(page, 'Welcome to Acme Guest Wi-Fi');
    const link = page.getByRole('link', { name: 'Read the terms of use' });
    expect(await link.getAttribute('href')).toBe(TERMS);
    // The virtual router answers a walled-garden request itself, as a stand-in for the outside site.
    const [response] = await Promise.all([page.waitForResponse(TERMS), link.click()]);
    expect(response.headers()['x-vr-upstream']).toBe('walled garden');
    expect(await page.locator('#vr-upstream-url').textContent()).toBe(TERMS);
    // Another site stays closed before login: the guest is sent to the login page.
    await page.goto('http://elsewhere.example/');
    await live(page, 'Welcome to Acme Guest Wi-Fi');
    await context.close();
  });
});
