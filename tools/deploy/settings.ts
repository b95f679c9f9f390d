/**
 * What a deploy needs from portal.config.ts: the router model (tools/router-model/) for the profile it
 * changes, and the one setting that never goes into a file, the mac-auth password.
 */
import type { PortalConfig } from '../config/schema.ts';
import { UserError } from '../lib/errors.ts';
import { portalSlug, routerModel, type RouterModel } from '../router-model/router-model.ts';
import type { DeployCertificate } from './certificate.ts';

export interface DeploySettings {
  /** Folder-name prefix and walled-garden tag: a short name of the portal. */
  portal: string;
  /** Hotspot profile to change; undefined means "the only one in use". */
  profile?: string;
  loginBy: string[];
  /** From the MAC_AUTH_PASSWORD environment variable only; never from a file or an argument. */
  macAuthPassword?: string;
  /** The RADIUS shared secret, from the variable router.radius.secretEnv names; set on this portal's `/radius` entries. */
  radiusSecret?: string;
  /** The router settings for the profile the deploy changes (known once the router has been read). */
  model: (profile: string) => RouterModel;
  /** The hotspot's TLS certificate (router.https), checked before any router is contacted. */
  certificate?: DeployCertificate;
  /** The hotspot's dns-name, which a certificate on the router must cover. */
  dnsName?: string;
}

export function deploySettings(config: PortalConfig, env: NodeJS.ProcessEnv = process.env, certificate?: DeployCertificate): DeploySettings {
  const radius = config.router.radius;
  const radiusSecret = radius ? env[radius.secretEnv] : undefined;
  if (radius && !radiusSecret) {
    throw new UserError(
      `router.radius needs the RADIUS shared secret: set the ${radius.secretEnv} environment variable (it is never read from a file or an argument).`,
    );
  }
  return {
    radiusSecret,
    certificate,
    dnsName: config.router.dnsName,
    portal: portalSlug(config.brand.name),
    profile: config.router.profile,
    loginBy: config.router.loginBy,
    macAuthPassword: env.MAC_AUTH_PASSWORD || undefined,
    model: (profile) => routerModel(config, profile, certificate?.files && certificate.name),
  };
}
