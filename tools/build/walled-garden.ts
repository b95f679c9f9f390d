/**
 * Host matching as the RouterOS walled garden does it (fact sheet §8.3): the pattern must match the
 * whole host name, `*` stands for any run of characters and `?` for one; case does not matter.
 */
export function hostMatches(host: string, pattern: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return re.test(host);
}

export function hostAllowed(host: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => hostMatches(host, p));
}
