/** The facts the toolbar and gallery build their controls from (GET /__dev/meta). */
import type { PortalConfig } from '../config/index.ts';
import { buildCatalogs } from '../build/catalogs.ts';
import { ERROR_MESSAGES } from '../routeros/data/error-messages.ts';
import { PAGES, type DevMeta } from './state.ts';

export function devMeta(config: PortalConfig): DevMeta {
  const loginBy = config.router.loginBy;
  return {
    brand: config.brand.name,
    pages: PAGES.map(({ id, label, file }) => ({ id, label, file })),
    errors: ERROR_MESSAGES.map((e) => ({ key: e.key, fatal: Boolean(e.fatal) })),
    locales: buildCatalogs(config).map(({ code, name, dir }) => ({ code, name, dir })),
    auth: loginBy.includes('http-chap') || !loginBy.includes('http-pap') ? 'chap' : 'pap',
    loginBy,
  };
}
