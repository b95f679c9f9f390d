/**
 * Turns a raw portal config into a PortalConfig, or into one sentence naming the field and what it
 * expects: `portal.config.ts: brand.colors.primary must be a colour written as #rgb or #rrggbb … (got "blue").`
 */
import type { z } from 'zod';
import { UserError } from '../lib/errors.ts';
import { checkRules, deriveLoginBy } from './rules.ts';
import { portalConfigSchema, type PortalConfig } from './schema.ts';

type Path = readonly PropertyKey[];

/** `brand.colors.primary`, `locales.list[2]`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(the config)';
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key as string];
  }
  return v;
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === '(hidden)') return 'a value, not shown';
  const text =
    typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** One zod issue as "path must …". */
function describe(issue: z.core.$ZodIssue, raw: unknown): string {
  const path = formatPath(issue.path);
  // A value under a secret-looking name is never repeated back (it would land in terminals and logs).
  const got = /secret|password/i.test(String(issue.path.at(-1) ?? '')) ? '(hidden)' : valueAt(raw, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (got === undefined) return `${path} is missing; it must be ${article(issue.expected)}`;
      return `${path} must be ${article(issue.expected)} (got ${shown(got)})`;
    case 'unrecognized_keys':
      return `${path} has an unknown field "${issue.keys[0]}"; remove it or check its spelling`;
    case 'invalid_value':
      return `${path} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${shown(got)})`;
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'custom':
    case 'invalid_union': {
      const msg = issue.message.startsWith('must') ? issue.message : `is not valid: ${issue.message}`;
      return `${path} ${msg} (got ${shown(got)})`;
    }
    default:
      return `${path} is not valid: ${issue.message}`;
  }
}

/** Validates a raw config (the default export of portal.config.ts); `file` names it in the message. */
export function validateConfig(raw: unknown, file = 'portal.config.ts'): PortalConfig {
  const fail = (sentences: string[]): never => {
    const more = sentences.length > 1 ? ` (and ${sentences.length - 1} more problem${sentences.length > 2 ? 's' : ''})` : '';
    throw new UserError(`${file}: ${sentences[0]}${more}.`);
  };
  const parsed = portalConfigSchema.safeParse(raw);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => describe(i, raw)));
  const issues = checkRules(parsed.data);
  if (issues.length) return fail(issues.map((i) => `${formatPath(i.path)} ${i.message}`));
  return { ...parsed.data, router: { ...parsed.data.router, loginBy: deriveLoginBy(parsed.data.login.methods) } };
}
