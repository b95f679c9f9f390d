/**
 * The hosts guests reach before logging in: the configured walled garden, the advert hosts and the
 * host of the full terms (brand.terms.url). The router model writes them to the router (preview and
 * deploy) and the build check allows links to them.
 */
import type { z } from 'zod';
import type { portalConfigSchema } from './schema.ts';

type Parsed = z.output<typeof portalConfigSchema>;

export function gardenHosts(config: Parsed): string[] {
  const urls = [...(config.adverts?.urls ?? []), ...(config.brand.terms?.url ? [config.brand.terms.url] : [])];
  return [...new Set([...config.walledGarden.hosts, ...urls.map((u) => new URL(u).hostname)])];
}
