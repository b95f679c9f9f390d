/**
 * The brand name is the `{brand}` placeholder of the texts: renaming the brand renames the titles in
 * every locale, as the build renders them and as the live page shows them. The name stays characters
 * (never markup, never a RouterOS variable, never read again for placeholders), and a literal brace
 * in a text is shown as written.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { Device } from '../support/hotspot-client.ts';
import { HOTSPOT, live, Portal, ROUTER } from './portal-harness.ts';

// Markup, a placeholder and a lone `$`: all must come out as these very characters.
const NAME = 'Café <b>{username}</b> & $5 Wi-Fi';

let portal: Portal;
beforeAll(async () => {
  portal = await Portal.start(ROUTER, {
    ...example,
    brand: { ...example.brand, name: NAME },
    texts: {
      ...example.texts,
      en: { 'login.intro': 'Free { really } at {brand}.', 'errors.internal-error': '{brand} has a problem: tell the staff.' },
    },
  });
});
afterAll(async () => {
  await portal?.close();
});

describe('{brand} in the texts', () => {
  it.each([
    ['en-US', `Welcome to ${NAME}`],
    ['es-ES', `Bienvenido a ${NAME}`],
    ['ar-EG', `مرحبًا بك في شبكة ${NAME}`], // portal.config.ts texts.ar uses {brand} too
  ])('renames the login title for a %s browser', async (locale, title) => {
    const { page, context, errors } = await portal.guest('02:00:00:00:11:01', { locale });
    await page.goto(`${HOTSPOT}/login`);
    await live(page, title);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(await page.title()).toContain(NAME);
    expect(await page.locator('b').count()).toBe(0); // the name's "<b>" is text, nowhere an element
    expect(errors).toEqual([]);
    await context.close();
  });

  it('renders the name into the page the router serves, and keeps a literal brace', async () => {
    const { page, context } = await portal.guest('02:00:00:00:11:02', { javaScriptEnabled: false });
    await page.goto(`${HOTSPOT}/login`);
    await page.getByRole('heading', { name: `Welcome to ${NAME}` }).waitFor();
    expect(await page.getByText(`Free { really } at ${NAME}.`).count()).toBe(1);
    await context.close();
  });

  it('writes the name into errors.txt as characters the router leaves alone', async () => {
    const line = readFileSync(path.join(portal.dir, 'errors.txt'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('internal-error'));
    expect(line).toBe(`internal-error = ${NAME} has a problem: tell the staff.`);
    // Served by the router: its "{username}" is not the guest's name, and nothing became a variable.
    const device = new Device(portal.vr.url, '02:00:00:00:11:03');
    expect((await device.get(`${HOTSPOT}/errors.txt`)).body).toContain(line);
  });
});
