/**
 * The RouterOS config script a deploy imports, rendered from templates/router/deploy.rsc.hbs. Every
 * value is checked for its shape and written as an escaped RouterOS string before it reaches the
 * template (which inserts it raw with {{{…}}}: Handlebars' HTML escaping is wrong for .rsc).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { rscValue } from './rsc.ts';
import type { DeploySettings } from './settings.ts';

const TEMPLATE = fileURLToPath(new URL('../../templates/router/deploy.rsc.hbs', import.meta.url));
let compiled: Handlebars.TemplateDelegate | undefined;

export interface ScriptTarget {
  profile: string;
  /** Folder of the new pages, as the profile names it (`flash/acme-1a2b3c4d5e6f`). */
  folder: string;
  bundle: string;
  /** RouterOS 7 has html-directory-override; 6.x only html-directory (fact sheet §8.1, §8.4). */
  v7: boolean;
}

export const MASK = '********';

/**
 * The mac-auth-password command, sent over SSH exec on its own so that the secret is never written into
 * a file on the router or the computer; `masked` shows ******** instead (dry-run, logs).
 */
export function secretCommand(s: DeploySettings, profile: string, masked: boolean): string | undefined {
  if (!s.macAuthPassword || !s.loginBy.includes('mac')) return undefined;
  const value = masked ? `"${MASK}"` : rscValue('MAC_AUTH_PASSWORD', s.macAuthPassword, 'secret');
  return `/ip hotspot profile set [find name=${rscValue('hotspot profile', profile, 'name')}] mac-auth-password=${value}`;
}

/** The walled-garden comment that marks this portal's entries. */
export function gardenTag(portal: string): string {
  return `hotspot-toolkit:${portal}`;
}

/** Renders the script. It holds no secret (see secretCommand), so it can be kept on the router for rollback. */
export function renderDeployScript(s: DeploySettings, t: ScriptTarget): string {
  compiled ??= Handlebars.compile(readFileSync(TEMPLATE, 'utf8'), { noEscape: true, strict: true });
  const has = (m: string) => s.loginBy.includes(m);
  const exactHosts = s.walledGarden.filter((h) => !/[*?]/.test(h));
  const data = {
    portal: rscValue('portal name', s.portal, 'name'),
    bundle: t.bundle.replace(/[^0-9a-f]/g, ''),
    profile: rscValue('hotspot profile', t.profile, 'name'),
    userProfile: rscValue('router.userProfile', s.userProfile, 'name'),
    loginBy: rscValue('login-by', s.loginBy.join(','), 'login-by'),
    htmlDirProperty: t.v7 ? 'html-directory-override' : 'html-directory',
    folder: rscValue('html directory', t.folder, 'path'),
    dnsName: s.dnsName ? rscValue('router.dnsName', s.dnsName, 'host') : '',
    httpCookieLifetime: rscValue('router.httpCookieLifetime', s.httpCookieLifetime, 'duration'),
    trial: has('trial'),
    trialUptimeLimit: rscValue('router.trialUptimeLimit', s.trialUptimeLimit, 'duration'),
    trialUptimeReset: rscValue('router.trialUptimeReset', s.trialUptimeReset, 'duration'),
    trialUserProfile: rscValue('router.trialUserProfile', s.trialUserProfile, 'name'),
    mac: has('mac') && Boolean(s.macAuthMode),
    macAuthMode: s.macAuthMode ? rscValue('router.macAuthMode', s.macAuthMode, 'name') : '',
    openStatusPage: rscValue('router.openStatusPage', s.openStatusPage, 'name'),
    statusAutorefresh: rscValue('router.statusAutorefresh', s.statusAutorefresh, 'duration'),
    macCookie: has('mac-cookie') && Boolean(s.macCookieTimeout),
    macCookieTimeout: s.macCookieTimeout ? rscValue('router.macCookieTimeout', s.macCookieTimeout, 'duration') : '',
    tag: rscValue('walled-garden tag', gardenTag(s.portal), 'comment'),
    gardenHttp: s.walledGarden.map((h) => rscValue('walledGarden.hosts', h, 'host-pattern')),
    gardenIp: exactHosts.map((h) => rscValue('walledGarden.hosts', h, 'host')),
  };
  return compiled(data).replace(/\n{2,}/g, '\n');
}
