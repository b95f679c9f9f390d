/**
 * RouterOS's built-in error keys and the messages of its default errors.txt (fact sheet §6.2,
 * source DEF7). `error-orig` is the default message with the router's own detail in `$(error-orig)`.
 * `fatal` errors are answered with error.html instead of the login form (§1.1, §6.2, V29).
 */
export interface ErrorFact {
  key: string;
  message: string;
  fatal?: boolean;
}

export const ERROR_MESSAGES: readonly ErrorFact[] = [
  { key: 'internal-error', message: 'internal error ($(error-orig))', fatal: true },
  { key: 'config-error', message: 'configuration error ($(error-orig))', fatal: true },
  { key: 'not-logged-in', message: 'you are not logged in (ip $(ip))' },
  { key: 'ippool-empty', message: 'cannot assign ip address - no more free addresses from pool', fatal: true },
  { key: 'shutting-down', message: 'hotspot service is shutting down', fatal: true },
  { key: 'user-session-limit', message: 'no more sessions are allowed for user $(username)' },
  { key: 'license-session-limit', message: 'session limit reached ($(error-orig))' },
  { key: 'wrong-mac-username', message: 'invalid username ($(username)): this MAC address is not yours' },
  { key: 'chap-missing', message: 'web browser did not send challenge response (try again, enable JavaScript)' },
  { key: 'invalid-username', message: 'invalid username or password' },
  { key: 'invalid-mac', message: 'user $(username) is not allowed to log in from this MAC address' },
  { key: 'uptime-limit', message: 'user $(username) has reached uptime limit' },
  { key: 'traffic-limit', message: 'user $(username) has reached traffic limit' },
  { key: 'radius-timeout', message: 'RADIUS server is not responding' },
  { key: 'auth-in-progress', message: 'already authorizing, retry later' },
  { key: 'radius-reply', message: '$(error-orig)' },
];

export type ErrorKey = (typeof ERROR_MESSAGES)[number]['key'];

export const ERROR_KEYS: ReadonlySet<string> = new Set(ERROR_MESSAGES.map((e) => e.key));

export function errorFact(key: string): ErrorFact | undefined {
  return ERROR_MESSAGES.find((e) => e.key === key);
}
