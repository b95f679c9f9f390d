/**
 * The hosts table (`/ip hotspot host`): every client the servlet has seen, by MAC, with the IP it was
 * given. Simulated clients choose their MAC (see docs/routeros-fidelity.md, "Simulated devices").
 */
import { randomBytes } from 'node:crypto';

export interface Host {
  mac: string;
  ip: string;
  firstSeen: number;
  /** The URL the client first asked for, kept from the rlogin redirect (becomes `link-orig`). */
  origUrl?: string;
}

export class Hosts {
  private readonly byMac = new Map<string, Host>();
  private nextIp = 2;
  constructor(private readonly network = '10.5.50') {}

  get(mac: string): Host | undefined {
    return this.byMac.get(mac);
  }
  all(): Host[] {
    return [...this.byMac.values()];
  }
  /** The host with this MAC, added on first contact with the next free address of the pool. */
  ensure(mac: string, now: number, ip?: string): Host {
    let host = this.byMac.get(mac);
    if (!host) {
      host = { mac, ip: ip ?? `${this.network}.${this.nextIp++}`, firstSeen: now };
      this.byMac.set(mac, host);
    }
    return host;
  }
}

/** A random locally administered unicast MAC, for a client that does not say which MAC it has. */
export function randomMac(): string {
  const b = randomBytes(6);
  b[0] = (b[0]! & 0xfc) | 0x02;
  return [...b].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join(':');
}
