/**
 * The schema of portal.config.ts: brand, locales, login methods, texts, budgets, walled garden,
 * adverts and the router settings the pages depend on. Strict objects, so a misspelt field is an
 * error instead of a silently ignored value. Cross-field rules live in ./rules.ts.
 */
import { z } from 'zod';
import { parseDuration } from '../routeros/time.ts';
import { RADIUS_MAC_FORMAT_VALUES } from '../routeros/radius/mac-format.ts';

export const LOGIN_METHODS = ['chap', 'pap', 'https', 'voucher', 'member', 'cookie', 'trial', 'mac'] as const;
export type LoginMethodName = (typeof LOGIN_METHODS)[number];

export const localeCode = z.string().regex(/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/, 'must be a lower-case language code such as "en", "ar" or "pt-br"');

const hexColour = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a colour written as #rgb or #rrggbb, such as "#0b5cad"');

/** A RouterOS duration as the profile takes it: 30m, 1h30m, 1d, 00:30:00. */
const duration = z.string().refine((v) => {
  const ms = parseDuration(v);
  return ms !== undefined && !Number.isNaN(ms);
}, 'must be a RouterOS duration such as "30m", "1h30m" or "1d"');

/** A file next to portal.config.ts (shipped in dist/hotspot/, so never a URL on another host). */
const localFile = (exts: readonly string[]) =>
  z
    .string()
    .regex(
      new RegExp(`^(?![/\\\\])(?!.*\\.\\.)[^:]+\\.(?:${exts.join('|')})$`, 'i'),
      `must be a path relative to portal.config.ts ending in .${exts.join(', .')}`,
    );

const httpUrl = z.string().regex(/^https?:\/\/[^\s"'<>]+$/, 'must be an http:// or https:// URL');

/** A web page guests open: http or https, with a host name (so the walled garden can let it through). */
const webPage = z.string().refine((v) => {
  if (/[\s"'<>]/.test(v) || !URL.canParse(v)) return false;
  const u = new URL(v);
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && !u.username && !u.password;
}, 'must be an http:// or https:// address with a host name, such as "https://acme.example/wifi-terms"');

/** A text in one language for every locale, or one text used for all of them. */
export const localized = z.union([z.string().min(1), z.record(localeCode, z.string().min(1))], {
  error: 'must be a text, or an object of texts by locale such as { en: "…", ar: "…" }',
});
export type Localized = z.infer<typeof localized>;

/** A host as the RouterOS walled garden matches it: the whole name, `*` and `?` as wildcards. */
const hostPattern = z.string().regex(/^[a-z0-9*?]([a-z0-9*?.-]*[a-z0-9*?])?$/i, 'must be a host name such as "pay.example.com" or "*.example.com"');

const colours = z.strictObject({
  primary: hexColour.default('#0b5cad'),
  onPrimary: hexColour.default('#ffffff'),
  background: hexColour.default('#eef2f7'),
  surface: hexColour.default('#ffffff'),
  text: hexColour.default('#16202c'),
  muted: hexColour.default('#4a5666'),
  error: hexColour.default('#b3261e'),
  /** Colours when the guest's device prefers a dark scheme; any left out are derived from the ones above. */
  dark: z
    .strictObject({
      primary: hexColour.optional(),
      onPrimary: hexColour.optional(),
      background: hexColour.optional(),
      surface: hexColour.optional(),
      text: hexColour.optional(),
      muted: hexColour.optional(),
      error: hexColour.optional(),
    })
    .optional(),
});

const font = z.strictObject({
  /** CSS font-family list; the first family is the one the shipped files provide. */
  family: z.string().min(1).default('system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif'),
  files: z
    .array(
      z.strictObject({
        file: localFile(['woff2', 'woff']),
        weight: z.number().int().min(100).max(900).default(400),
        style: z.enum(['normal', 'italic']).default('normal'),
      }),
    )
    .default([]),
});

const brand = z.strictObject({
  name: z.string().min(1, 'must not be empty').max(60, 'must be at most 60 characters'),
  logo: localFile(['svg', 'png', 'webp', 'jpg', 'jpeg', 'gif']),
  favicon: localFile(['svg', 'png', 'ico']).optional(),
  /** 'large': a bigger logo slot (4rem high, up to 12rem wide: room for a wordmark). */
  logoSize: z.enum(['normal', 'large']).default('normal'),
  /** A picture above the login form: a file next to portal.config.ts, loaded beside the form (never before it). */
  hero: localFile(['webp', 'avif', 'jpg', 'jpeg', 'png']).optional(),
  colors: colours.default(colours.parse({})),
  font: font.default(font.parse({})),
  support: z
    .strictObject({
      text: localized.optional(),
      email: z.email('must be an e-mail address').optional(),
      phone: z
        .string()
        .regex(/^\+?[0-9 ()-]{3,24}$/, 'must be a phone number such as "+1 555 0100"')
        .optional(),
    })
    .optional(),
  terms: z
    .strictObject({
      /** The terms shown beside the checkbox that every login needs ticked. */
      text: localized,
      /** The full terms as a page of the portal: an HTML fragment, shipped as terms.html. */
      page: localFile(['html', 'htm']).optional(),
      /** The full terms on another site: its host is added to the walled garden. */
      url: webPage.optional(),
    })
    .optional(),
});

const budgets = z.strictObject({
  /** login.html with everything it loads (scripts, styles, images, fonts, the largest locale). */
  loginPageKB: z.number().positive('must be a positive number of kilobytes').default(36),
  /** Every other page (alogin, status, logout, error, …) with everything it loads. */
  pageKB: z.number().positive('must be a positive number of kilobytes').default(24),
  /** Each image (a raster logo, a hero picture, an icon) on its own: images load beside the form, never before it. */
  imageKB: z.number().positive('must be a positive number of kilobytes').default(30),
  /** Every file of dist/hotspot/. */
  totalKB: z.number().positive('must be a positive number of kilobytes').default(160),
});

/**
 * Voucher codes as the operator prints them. The generator makes codes that survive this
 * normalisation, and the login form applies it before sending, so a printed code always logs in.
 */
const voucher = z.strictObject({
  /** 'upper': the typed code is sent in capitals (codes are printed in capitals); 'as-typed': unchanged. */
  case: z.enum(['upper', 'as-typed']).default('upper'),
  /** Characters dropped from a typed code before it is sent (spaces and dashes by default). */
  ignore: z
    .string()
    .regex(/^[ \-_./]*$/, 'must list only separator characters: space, "-", "_", "." or "/"')
    .default(' -'),
  /** 'same-as-code': the code is both user name and password; 'empty': the code is the user name, the password is empty. */
  password: z.enum(['same-as-code', 'empty']).default('same-as-code'),
});

/** A PEM file on the deploying computer: relative to portal.config.ts or absolute (never shipped in the pages). */
const pemFile = z.string().regex(/^[^\0\n]+\.(?:pem|crt|cer|key)$/i, 'must be the path of a PEM file ending in .pem, .crt, .cer or .key');

/**
 * The hotspot's TLS certificate: PEM files deploy imports, or a certificate already on the router
 * (`/certificate print`) by name. An encrypted key's passphrase comes only from HOTSPOT_CERT_PASSPHRASE.
 */
const https = z.union(
  [
    z.strictObject({ certificate: pemFile, key: pemFile }),
    z.strictObject({ name: z.string().regex(/^[^\s"'\\$;]{1,64}$/, 'must be a certificate name as /certificate print shows it') }),
  ],
  { error: 'must be { certificate: "certs/wifi.pem", key: "certs/wifi.key" } or { name: "<certificate on the router>" }' },
);

/** A byte size as RouterOS takes it: 1048576, 500M, 1G (K, M, G, T count in 1024s, as RouterOS does). */
const byteSize = z.string().regex(/^\d+[KMGT]?$/, 'must be a size such as "500M", "2G" or a number of bytes');

/** One voucher kind: the router user profile it is created on, and what each voucher of it gets. */
const voucherProfile = z.strictObject({
  /** rate-limit of the user profile, rx/tx from the router's side: "2M/4M". */
  rateLimit: z
    .string()
    .regex(/^\d+[kKMG]?(\/\d+[kKMG]?)?$/, 'must be a RouterOS rate limit such as "2M/4M"')
    .optional(),
  /** shared-users of the user profile: devices one code may log in at the same time. */
  sharedUsers: z.number().int().min(1).max(1000).default(1),
  /** session-timeout of the user profile: the longest single session. */
  sessionTimeout: duration.optional(),
  /** limit-uptime of each voucher: the time it buys, over all its sessions. */
  uptime: duration.optional(),
  /** limit-bytes-total of each voucher. */
  data: byteSize.optional(),
  /** Printed on the ticket, as written: "€5", "Free with your room". */
  price: z.string().min(1).max(40).optional(),
});

/** `npm run vouchers`: the user profiles vouchers are made on, and how codes and tickets look. */
const vouchers = z.strictObject({
  /** Keyed by the router user profile name (`npm run vouchers -- ROUTER --profile 1h`). */
  profiles: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be letters, digits, "_" or "-" (up to 32)'), voucherProfile).default({}),
  /** Characters a code is drawn from; the default leaves out look-alikes (0/O, 1/I/L). */
  alphabet: z
    .string()
    .regex(/^[A-Za-z0-9]{2,}$/, 'must be at least two letters or digits')
    .default('ABCDEFGHJKMNPQRSTUVWXYZ23456789'),
  length: z.number().int().min(4).max(32).default(8),
  /** The Wi-Fi name: printed on the ticket with a Wi-Fi QR code beside the login one. */
  ssid: z.string().min(1).max(32).optional(),
  /** Paper the tickets are laid out for. */
  paper: z.enum(['a4', 'letter', '58mm', '80mm']).default('a4'),
});

/**
 * RADIUS for the hotspot (`/radius` entries for service=hotspot, the profile's use-radius and its RADIUS
 * properties, `/radius incoming`). The shared secret is never written here: deploy reads it from the
 * environment variable `secretEnv` names.
 */
const radiusPort = z.number().int().min(1).max(65535);
const radius = z.strictObject({
  /** Asked in order, as RouterOS asks its `/radius` entries. */
  servers: z
    .array(
      z.strictObject({
        address: z.string().regex(/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/, 'must be an IPv4 address such as "10.0.0.5"'),
        authenticationPort: radiusPort.default(1812),
        accountingPort: radiusPort.default(1813),
        /** Resend after this long without an answer (RouterOS default 300ms). */
        timeout: duration.default('300ms'),
      }),
    )
    .min(1, 'must list at least one RADIUS server'),
  /** Refused with a pointer to secretEnv: a secret in portal.config.ts would end up in git. */
  secret: z
    .unknown()
    .refine(
      (v) => v === undefined,
      'must not be written in portal.config.ts: deploy reads the RADIUS secret from the environment variable secretEnv names (RADIUS_SECRET by default)',
    )
    .optional(),
  /** Name of the environment variable that holds the shared secret. */
  secretEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name such as "RADIUS_SECRET"')
    .default('RADIUS_SECRET'),
  /** radius-accounting of the profile: Start, Interim-Update and Stop for every RADIUS session. */
  accounting: z.boolean().default(true),
  /** radius-interim-update: "received" (the server's Acct-Interim-Interval) or a duration such as "2m". */
  interimUpdate: z.union([z.literal('received'), duration]).default('received'),
  /** `/radius incoming`: accept Disconnect and CoA requests on this port; false leaves it off. */
  incoming: z.union([z.literal(false), z.strictObject({ port: radiusPort.default(3799) })]).default({ port: 3799 }),
  /**
   * require-message-auth of this portal's `/radius` entries (RouterOS 7.15+): true demands a
   * Message-Authenticator in every answer (RouterOS's default), false takes answers without one, as
   * servers without the BlastRADIUS fix send (FreeRADIUS before 3.2.5). Left out, the router's default.
   */
  requireMessageAuth: z.boolean().optional(),
  /** radius-mac-format: how MACs are written in Calling-Station-Id and MAC authentication. */
  macFormat: z.enum(RADIUS_MAC_FORMAT_VALUES as [string, ...string[]]).optional(),
  /** radius-location-id and radius-location-name of the profile (sent as WISPr-Location-ID/-Name). */
  locationId: z
    .string()
    .min(1)
    .max(253)
    .regex(/^[^\0\r\n]*$/, 'must be one line')
    .optional(),
  locationName: z
    .string()
    .min(1)
    .max(253)
    .regex(/^[^\0\r\n]*$/, 'must be one line')
    .optional(),
});

const router = z.strictObject({
  /** Hotspot server profile deploy changes; left out, deploy uses the one the hotspot server uses. */
  profile: z.string().min(1, 'must not be empty').optional(),
  /** User profile that carries status-autorefresh, open-status-page and the MAC cookie settings. */
  userProfile: z.string().min(1, 'must not be empty').default('default'),
  /** dns-name of the hotspot profile; also the host of the https user-portal-url in api.json. */
  dnsName: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, 'must be a host name such as "wifi.example.com"')
    .optional(),
  httpCookieLifetime: duration.default('3d'),
  trialUptimeLimit: duration.default('30m'),
  trialUptimeReset: duration.default('1d'),
  trialUserProfile: z.string().min(1).default('default'),
  /** status-autorefresh of the user profile: what `$(refresh-timeout)` reports to the status page. */
  statusAutorefresh: duration.default('1m'),
  openStatusPage: z.enum(['always', 'http-login']).default('http-login'),
  macAuthMode: z.enum(['mac-as-username', 'mac-as-username-and-password']).optional(),
  /** mac-cookie-timeout of the user profile (MAC cookie logins). */
  macCookieTimeout: duration.optional(),
  /** ssl-certificate of the profile: needed by the "https" login method and by the captive-portal API. */
  https: https.optional(),
  /** Authenticate guests through RADIUS (deploy sets it up; the secret comes from the environment). */
  radius: radius.optional(),
});

export const portalConfigSchema = z.strictObject({
  brand,
  locales: z.strictObject({
    default: localeCode,
    list: z.array(localeCode).min(1, 'must list at least one locale'),
  }),
  login: z.strictObject({
    methods: z.array(z.enum(LOGIN_METHODS)).min(1, 'must list at least one login method'),
    /** Which form opens first when both member and voucher are enabled. */
    defaultMode: z.enum(['member', 'voucher']).optional(),
    /** How voucher codes are typed and sent: read by the login form and by the voucher generator alike. */
    voucher: voucher.default(voucher.parse({})),
    /** Seconds alogin waits before continuing to the guest's page; 0 waits for a click. */
    continueAfterSeconds: z.number().int().min(0).max(60).default(3),
  }),
  /** Text overrides by locale and message key (keys as in portal/i18n/locales/en.ts). */
  texts: z.record(localeCode, z.record(z.string(), z.string())).default({}),
  budgets: budgets.default(budgets.parse({})),
  walledGarden: z.strictObject({ hosts: z.array(hostPattern).default([]) }).default({ hosts: [] }),
  adverts: z
    .strictObject({
      urls: z.array(httpUrl).min(1, 'must list at least one advert URL'),
      interval: duration.default('30m'),
      timeout: duration.default('1m'),
    })
    .optional(),
  captivePortalApi: z.strictObject({ venueInfoUrl: httpUrl.optional() }).default({}),
  router: router.default(router.parse({})),
  vouchers: vouchers.default(vouchers.parse({})),
});

/** What a designer writes in portal.config.ts (defaults may be left out). */
export type PortalConfigInput = z.input<typeof portalConfigSchema>;
type Parsed = z.output<typeof portalConfigSchema>;

/** The validated config, with defaults filled in and the derived router login-by list. */
export interface PortalConfig extends Parsed {
  router: Parsed['router'] & {
    /** The profile's login-by, derived from login.methods. */
    loginBy: string[];
  };
}
