import { UserError } from '../lib/errors.ts';

/**
 * A failed build check or budget: the user's to fix. Vite's bundler may wrap errors thrown from
 * plugin hooks, so the marker lets `npm run build` find the original message again.
 */
export class BuildCheckError extends UserError {
  override name = 'BuildCheckError';
  readonly hotspotBuildCheck = true;
}

/**
 * The UserError inside whatever the bundler threw, if there is one: Rolldown collects plugin errors
 * in an `errors` list on the error it throws; other layers may use `cause`.
 */
export function findUserError(err: unknown, depth = 0): UserError | undefined {
  if (!err || typeof err !== 'object' || depth > 4) return undefined;
  if (err instanceof UserError) return err;
  const { errors, cause } = err as { errors?: unknown; cause?: unknown };
  for (const inner of Array.isArray(errors) ? errors : []) {
    const found = findUserError(inner, depth + 1);
    if (found) return found;
  }
  return findUserError(cause, depth + 1);
}
