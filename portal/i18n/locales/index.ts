/** The catalogs shipped with the portal. A locale listed in portal.config.ts but not here needs all its texts in config `texts`. */
import { ar } from './ar.ts';
import { en, type Messages } from './en.ts';
import { es } from './es.ts';

export const BUILT_IN_CATALOGS: Readonly<Record<string, Messages>> = { en, es, ar };
export { en as REFERENCE_CATALOG, type Messages, type MessageKey } from './en.ts';
