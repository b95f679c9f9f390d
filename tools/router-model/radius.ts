/**
 * The RADIUS part of the router model (router.radius in portal.config.ts): the hotspot profile's
 * use-radius and RADIUS properties, this portal's own `/radius` entries (tagged like the walled
 * garden; the secret is set apart, see tools/deploy/script.ts), and `/radius incoming`.
 */
import type { PortalConfig } from '../config/schema.ts';
import type { OwnedEntries, Props, RouterChange, Setting } from './router-model.ts';

const set = (from: string, shape: Setting['shape'], value: string): Setting => ({ value, from, shape });

export function radiusModel(config: PortalConfig, profileName: Setting): { changes: RouterChange[]; owned: OwnedEntries[] } {
  const rad = config.router.radius;
  if (!rad) return { changes: [], owned: [] };
  const profile: Props<'ip/hotspot/profile'> = {
    'use-radius': set('router.radius', 'yes-no', 'yes'),
    'radius-accounting': set('router.radius.accounting', 'yes-no', rad.accounting ? 'yes' : 'no'),
    'radius-interim-update': set('router.radius.interimUpdate', 'name', rad.interimUpdate),
  };
  if (rad.macFormat) profile['radius-mac-format'] = set('router.radius.macFormat', 'comment', rad.macFormat);
  if (rad.locationId) profile['radius-location-id'] = set('router.radius.locationId', 'text', rad.locationId);
  if (rad.locationName) profile['radius-location-name'] = set('router.radius.locationName', 'text', rad.locationName);
  const changes: RouterChange[] = [{ menu: 'ip/hotspot/profile', name: profileName, props: profile }];
  if (rad.incoming) {
    changes.push({
      menu: 'radius/incoming',
      props: { accept: set('router.radius.incoming', 'yes-no', 'yes'), port: set('router.radius.incoming.port', 'ports', String(rad.incoming.port)) },
      why: 'RADIUS Disconnect and CoA requests (RFC 5176) from the servers below.',
    });
  }
  const rows = rad.servers.map((s, i) => ({
    address: set(`router.radius.servers[${i}].address`, 'address', s.address),
    service: set('router.radius', 'name', 'hotspot'),
    'authentication-port': set(`router.radius.servers[${i}].authenticationPort`, 'ports', String(s.authenticationPort)),
    'accounting-port': set(`router.radius.servers[${i}].accountingPort`, 'ports', String(s.accountingPort)),
    timeout: set(`router.radius.servers[${i}].timeout`, 'duration', s.timeout),
    ...(rad.requireMessageAuth === undefined
      ? {}
      : { 'require-message-auth': set('router.radius.requireMessageAuth', 'name', rad.requireMessageAuth ? 'yes-for-request-resp' : 'no') }),
  }));
  return { changes, owned: [{ menu: 'radius', rows }] };
}
