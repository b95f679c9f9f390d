/**
 * Which routers to deploy to: `HOST[:PORT]` arguments and inventory files (one router a line,
 * `#` comments), each checked so that a typo is one clear sentence, not a connection attempt.
 */
import { readFile } from 'node:fs/promises';
import { UserError } from '../lib/errors.ts';
import type { RouterTarget } from './connection.ts';

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function parseTarget(text: string, where = 'router'): RouterTarget {
  const t = text.trim();
  const v6 = /^\[([0-9A-Fa-f:.]+)\](?::(\d+))?$/.exec(t);
  const [host, portText] = v6 ? [v6[1]!, v6[2]] : (t.split(':') as [string, string | undefined]);
  const port = portText === undefined ? 22 : Number(portText);
  if (!v6 && t.split(':').length > 2) throw new UserError(`${where} "${t}" is not HOST or HOST:PORT (write IPv6 addresses as [2001:db8::1]:22).`);
  // All digits and dots is meant as an IPv4 address, so 192.168.88.256 is a typo, not a host name.
  const valid = /^[\d.]+$/.test(host) ? IPV4.test(host) : HOSTNAME.test(host);
  if (!v6 && !valid) throw new UserError(`${where} "${t}" is not a host name or IPv4 address: write it like 192.168.88.1 or 192.168.88.1:2222.`);
  if (!Number.isInteger(port) || port < 1 || port > 65535 || (portText !== undefined && !/^\d+$/.test(portText))) {
    throw new UserError(`${where} "${t}" has a port that is not a number from 1 to 65535.`);
  }
  const shownHost = v6 ? `[${host}]` : host;
  return { host, port, label: port === 22 ? shownHost : `${shownHost}:${port}` };
}

export async function readInventory(file: string): Promise<RouterTarget[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError(`The inventory ${file} cannot be read: check the path given to --inventory.`);
  }
  const targets: RouterTarget[] = [];
  text.split('\n').forEach((line, i) => {
    const t = line.replace(/#.*/, '').trim();
    if (t) targets.push(parseTarget(t, `${file} line ${i + 1}:`));
  });
  if (!targets.length) throw new UserError(`The inventory ${file} lists no routers: write one HOST[:PORT] a line.`);
  return targets;
}

/** Arguments and inventory together, each router once. */
export function uniqueTargets(list: RouterTarget[]): RouterTarget[] {
  const seen = new Set<string>();
  return list.filter((t) => !seen.has(`${t.host}:${t.port}`) && seen.add(`${t.host}:${t.port}`));
}
