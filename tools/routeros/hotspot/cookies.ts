/**
 * The two remembered logins (fact sheet §5.1, §5.4): the HTTP cookie (`/ip hotspot cookie`, valid for
 * http-cookie-lifetime, only for the MAC it was issued to) and the MAC cookie (user stored against the
 * MAC for mac-cookie-timeout, used with no page at all).
 */
import { randomBytes } from 'node:crypto';
import type { RadiusCredentials } from '../radius/nas.ts';

export interface HotspotCookie {
  value: string;
  user: string;
  mac: string;
  expiresAt: number;
  /** A RADIUS user's: the credentials of the login, sent again when the cookie logs in (fact sheet §5.4). */
  radius?: RadiusCredentials;
}

export interface MacCookie {
  user: string;
  expiresAt: number;
  radius?: RadiusCredentials;
}

export class CookieJar {
  private readonly byValue = new Map<string, HotspotCookie>();
  private readonly macCookies = new Map<string, MacCookie>();

  /**
   * A new cookie for this device. It replaces the device's earlier ones (a browser keeps one hotspot
   * cookie, so they could never be presented again), so the table holds one record per device however
   * often it logs in; expired records of other devices are dropped on the way.
   */
  issue(user: string, mac: string, expiresAt: number, now = 0, radius?: RadiusCredentials): HotspotCookie {
    for (const [v, c] of this.byValue) if (c.mac === mac || c.expiresAt <= now) this.byValue.delete(v);
    const cookie: HotspotCookie = { value: randomBytes(16).toString('hex'), user, mac, expiresAt, ...(radius ? { radius } : {}) };
    this.byValue.set(cookie.value, cookie);
    return cookie;
  }
  /** The cookie, when it exists, is unexpired and belongs to this MAC. */
  valid(value: string | undefined, mac: string, now: number): HotspotCookie | undefined {
    const c = value ? this.byValue.get(value) : undefined;
    if (!c) return undefined;
    if (c.expiresAt <= now) {
      this.byValue.delete(c.value);
      return undefined;
    }
    return c.mac === mac ? c : undefined;
  }
  /** erase-cookie: drops every HTTP cookie of this MAC. */
  eraseFor(mac: string): void {
    for (const [v, c] of this.byValue) if (c.mac === mac) this.byValue.delete(v);
  }
  remove(value: string): void {
    this.byValue.delete(value);
  }
  all(): HotspotCookie[] {
    return [...this.byValue.values()];
  }

  setMacCookie(mac: string, user: string, expiresAt: number, radius?: RadiusCredentials): void {
    this.macCookies.set(mac, { user, expiresAt, ...(radius ? { radius } : {}) });
  }
  macCookie(mac: string, now: number): MacCookie | undefined {
    const c = this.macCookies.get(mac);
    if (c && c.expiresAt <= now) {
      this.macCookies.delete(mac);
      return undefined;
    }
    return c;
  }
  removeMacCookie(mac: string): void {
    this.macCookies.delete(mac);
  }
}
