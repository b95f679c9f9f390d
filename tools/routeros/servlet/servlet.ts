/**
 * The HotSpot servlet: sorts each request into the five kinds of fact sheet §1.1, picks the page with
 * its fallbacks, and fills it in. HTTP-agnostic: the server module turns sockets into ServletRequests.
 */
import { servingCertificate } from '../certs/certificates.ts';
import { errorFact } from '../data/error-messages.ts';
import { errorVariables, renderTemplate, type ErrorVariables } from '../engine/index.ts';
import type { Hotspot } from '../hotspot/hotspot.ts';
import type { Host } from '../hotspot/hosts.ts';
import type { EndedSession, Session } from '../hotspot/sessions.ts';
import { readUserProfile } from '../hotspot/settings.ts';
import { HtmlDir } from './html-dir.ts';
import { hotspotLinks, type HotspotLinks } from './links.ts';
import { contentType, isSubstituted } from './mime.ts';
import { pageVariables, type PageContext, type PageScope } from './page-vars.ts';
import { upstreamPage } from './upstream.ts';
import { walledGarden } from './walled-garden.ts';
import { requestAttributes } from '../radius/request-attributes.ts';

export interface ServletRequest {
  method: string;
  /** The URL as the client asked for it (absolute). */
  url: URL;
  /** Addressed to the hotspot itself (its DNS name, address, or the simulator's own listen address). */
  toHotspot: boolean;
  /** Came over TLS: `$(ssl-login)` is yes and a plain password is an `https` login. */
  secure?: boolean;
  /** Scheme and authority to build `link-*` from. */
  origin: string;
  /** The servlet's origin on each scheme, for links whose scheme RouterOS fixes (see links.ts). */
  origins?: { http: string; https: string };
  /** Query and form fields; form fields win. */
  params: URLSearchParams;
  mac: string;
  ip?: string;
  cookies: Readonly<Record<string, string>>;
  userAgent: string;
}

export interface ServletResponse {
  status: number;
  statusMessage?: string;
  headers: Array<[string, string]>;
  body: string | Buffer;
  /** The page file that answered, for logs and tests. */
  page?: string;
  /** Variable names the page used that RouterOS does not have. */
  unknown?: string[];
}

/** Name of the HotSpot login cookie (RouterOS's own name is not documented). */
export const HOTSPOT_COOKIE = 'mikrotik-hotspot';

export interface ServletOptions {
  hotspot: Hotspot;
  htmlDir: () => HtmlDir;
  identity: () => string;
}

const notFound = (): ServletResponse => ({ status: 404, headers: [['Content-Type', 'text/plain; charset=utf-8']], body: 'Not Found\n' });

export class Servlet {
  /** Set by the preview and tests to show an error page state: the next login attempt fails with this key. */
  forcedError: { key: string; detail?: string } | undefined;

  constructor(private readonly o: ServletOptions) {}

  async handle(req: ServletRequest): Promise<ServletResponse> {
    const hs = this.o.hotspot;
    const host = hs.hosts.ensure(req.mac, hs.clock.now(), req.ip);
    let session = hs.session(req.mac);
    let showStatus = false;
    if (!session) {
      const auto = await hs.autoAuthenticate(req.mac);
      if (auto) ({ session, showStatus } = auto);
    }
    const dir = this.o.htmlDir();
    const page = new PageWriter(this.o, dir, req, host);

    if (!req.toHotspot) return this.otherHost(page, req, host, session, showStatus);

    const { targetDir, route } = splitPath(dir, req.url.pathname, req.params.get('target'));
    page.targetDir = targetDir;
    const dst = acceptedDst(req.params.get('dst'));
    if (dst) host.origUrl = dst;

    switch (route) {
      case '':
        if (session) return page.redirectPage('rstatus.html', page.links().status, session);
        return page.redirectPage('rlogin.html', page.links().login);
      case 'login':
        // An https-only profile answers a plain-HTTP login by sending the guest to the TLS login page.
        if (!req.secure && httpsOnly(hs)) return page.redirectPage('rlogin.html', page.links().login);
        return this.login(page, req, session);
      case 'status':
        if (session) return page.render('status.html', 'status', { session });
        return page.fallback('fstatus.html', 'status', page.links().login, this.notLoggedIn(page));
      case 'logout': {
        if (session) {
          const erase = /^(on|true)$/.test(req.params.get('erase-cookie') ?? '');
          const ended = hs.logout(req.mac, erase);
          const res = await page.render('logout.html', 'status', { session, ended });
          if (erase) res.headers.push(['Set-Cookie', `${HOTSPOT_COOKIE}=; Path=/; Max-Age=0`]);
          return res;
        }
        return page.fallback('flogout.html', 'status', page.links().login, this.notLoggedIn(page));
      }
      case 'api':
        return page.render('api.json', 'status', { session });
      default:
        return page.file(req.url.pathname.replace(/^\/+/, ''), session);
    }
  }

  private async login(page: PageWriter, req: ServletRequest, sessionIn: Session | undefined): Promise<ServletResponse> {
    const hs = this.o.hotspot;
    if (sessionIn) return page.alogin(sessionIn);
    const username = req.params.get('username');
    if (username !== null && username !== '') {
      const forced = this.forcedError;
      if (forced) {
        this.forcedError = undefined;
        const error = await page.error(forced.key, username, forced.detail);
        if (errorFact(forced.key)?.fatal) return page.fallback('error.html', 'login', page.links().login, error, username);
        return page.loginForm(error, username);
      }
      const result = await hs.authenticate(
        req.mac,
        { username, password: req.params.get('password') ?? '', secure: req.secure === true },
        requestAttributes(req.params),
      );
      if (result.ok) {
        const res = await page.alogin(result.session);
        if (result.cookie) {
          const maxAge = Math.max(1, Math.floor((result.cookie.expiresAt - hs.clock.now()) / 1000));
          res.headers.push(['Set-Cookie', `${HOTSPOT_COOKIE}=${result.cookie.value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax`]);
        }
        return res;
      }
      return page.loginForm(await page.error(result.error, username, result.detail), username);
    }
    const byCookie = await hs.cookieAuthenticate(req.mac, req.cookies[HOTSPOT_COOKIE]);
    if (byCookie) return page.alogin(byCookie);
    return page.render('login.html', 'login', {});
  }

  private async notLoggedIn(page: PageWriter): Promise<ErrorVariables> {
    return page.error('not-logged-in', '');
  }

  private async otherHost(
    page: PageWriter,
    req: ServletRequest,
    host: Host,
    session: Session | undefined,
    showStatus: boolean,
  ): Promise<ServletResponse> {
    const url = req.url;
    if (session) {
      // Traffic through the router, which is what idle-timeout watches (requests to the hotspot's own pages are not).
      this.o.hotspot.activity(session.mac);
      if (showStatus) {
        host.origUrl = url.href;
        return page.alogin(session);
      }
      const advert = this.advertDue(session, url.href);
      if (advert) return page.redirectPage('radvert.html', advert, session, advert);
      return upstreamPage(url, 'logged in');
    }
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    if (walledGarden(this.o.hotspot.db, { host: url.hostname, port, path: url.pathname, method: req.method }) === 'allow') {
      return upstreamPage(url, 'walled garden');
    }
    host.origUrl = url.href;
    page.targetDir = '';
    return page.redirectPage('rlogin.html', page.links().login);
  }

  /** The advert URL when one is due for this session (user profile advertise settings). */
  private advertDue(session: Session, requested: string): string | undefined {
    const hs = this.o.hotspot;
    const profile = readUserProfile(hs.db, session.userProfile);
    if (!profile.advertise || profile.advertiseUrls.length === 0) return undefined;
    const urls = profile.advertiseUrls;
    const current = urls[session.advertIndex % urls.length]!;
    if (requested === current) {
      session.advertShownAt = hs.clock.now();
      session.advertIndex++;
      return undefined;
    }
    const intervals = profile.advertiseIntervalsMs;
    const interval = intervals[Math.min(session.advertIndex, intervals.length - 1)];
    if (interval === undefined || hs.clock.now() - session.advertShownAt < interval) return undefined;
    return current;
  }
}

/** `https` is in login-by and the profile's ssl-certificate is in the store with its key (fact sheet §4.4). */
export function httpsLogin(hs: Hotspot): boolean {
  const s = hs.settings();
  return s.loginBy.has('https') && servingCertificate(hs.db, s.sslCertificate) !== undefined;
}

/** HTTPS login on, and neither HTTP-CHAP nor HTTP-PAP: a login over plain HTTP cannot succeed. */
function httpsOnly(hs: Hotspot): boolean {
  const by = hs.settings().loginBy;
  return httpsLogin(hs) && !by.has('http-chap') && !by.has('http-pap');
}

/** `/lv/login` or `?target=lv` choose a language subdirectory (fact sheet §1.4). */
export function splitPath(dir: HtmlDir, pathname: string, target: string | null): { targetDir: string; route: string | undefined } {
  const parts = pathname.replace(/^\/+/, '').split('/');
  if (parts.length === 2 && ROUTES.has(parts[1]!) && dir.isPageSet(parts[0]!)) return { targetDir: `${parts[0]}/`, route: parts[1] };
  const targetDir = target && dir.isPageSet(target) ? `${target}/` : '';
  return { targetDir, route: parts.length === 1 && ROUTES.has(parts[0]!) ? parts[0] : undefined };
}

/** Servlet paths; everything else is a file of the html directory. */
const ROUTES = new Set(['', 'login', 'status', 'logout', 'api']);

/** `dst` is accepted only as an http or https URL, as RouterOS does from 7.19.2 (CVE-2025-6563). */
export function acceptedDst(dst: string | null): string | undefined {
  if (!dst) return undefined;
  try {
    const u = new URL(dst);
    return u.protocol === 'http:' || u.protocol === 'https:' ? dst : undefined;
  } catch {
    return undefined;
  }
}

/** Renders pages for one request, applying the servlet's fallbacks. */
class PageWriter {
  targetDir = '';
  constructor(
    private readonly o: ServletOptions,
    private readonly dir: HtmlDir,
    private readonly req: ServletRequest,
    private readonly host: Host,
  ) {}

  links(): HotspotLinks {
    const { origin, origins, secure } = this.req;
    const login = origins && httpsLogin(this.o.hotspot) ? origins.https : origin;
    const plain = origins && secure ? origins.http : origin;
    return hotspotLinks(origin, this.targetDir, this.host.origUrl ?? '', login, plain);
  }

  async error(key: string, username: string, detail?: string): Promise<ErrorVariables> {
    const errorsTxt = await this.dir.errorsTxt(this.targetDir);
    const vars = pageVariables(this.context('other', {}, { username }));
    return errorVariables(key, { vars }, errorsTxt, detail);
  }

  loginForm(error: ErrorVariables, username: string): Promise<ServletResponse> {
    return this.fallback('flogin.html', 'login', undefined, error, username);
  }

  /** After a login, or a visit by a client already logged in: alogin.html, else redirect.html. */
  alogin(session: Session): Promise<ServletResponse> {
    const l = this.links();
    return this.redirectPage('alogin.html', l.orig || l.status, session, undefined, 'login');
  }

  /** A page that sends the client on: the page itself if present, else redirect.html, else 404. */
  async redirectPage(
    file: string,
    linkRedirect: string,
    session?: Session,
    linkAdvert?: string,
    scope: PageScope = 'other',
  ): Promise<ServletResponse> {
    const found = (await this.dir.findPage(this.targetDir, file)) ?? (await this.dir.findPage(this.targetDir, 'redirect.html'));
    if (!found) return notFound();
    return this.renderFile(found, scope, { session, linkRedirect, linkAdvert });
  }

  /** flogin → login, fstatus/flogout → redirect to login, error → … as fact sheet §1.1 says. */
  async fallback(
    file: string,
    scope: PageScope,
    redirectTo: string | undefined,
    errorIn: ErrorVariables | Promise<ErrorVariables>,
    username?: string,
  ): Promise<ServletResponse> {
    const error = await errorIn;
    const own = await this.dir.findPage(this.targetDir, file);
    if (own) return this.renderFile(own, scope, { error, username });
    if (redirectTo === undefined) return this.render('login.html', 'login', { error, username });
    return this.redirectPage('redirect.html', redirectTo, undefined, undefined, scope);
  }

  async render(file: string, scope: PageScope, extra: Extra): Promise<ServletResponse> {
    const found = await this.dir.findPage(this.targetDir, file);
    if (!found) return notFound();
    return this.renderFile(found, scope, extra);
  }

  /** A file requested by path: substituted when it is .html/.htm/.txt or api.json, else sent as is. */
  async file(relPath: string, session: Session | undefined): Promise<ServletResponse> {
    let path: string;
    try {
      path = decodeURIComponent(relPath);
    } catch {
      return notFound();
    }
    if (!path || !(await this.dir.isFile(path))) return notFound();
    if (isSubstituted(path)) return this.renderFile(path, /(^|\/)api\.json$/.test(path) ? 'status' : 'other', { session });
    return { status: 200, headers: [['Content-Type', contentType(path)]], body: await this.dir.readRaw(path), page: path };
  }

  private context(scope: PageScope, extra: Extra, over: Partial<PageContext> = {}): PageContext {
    const hs = this.o.hotspot;
    return {
      hotspot: hs,
      settings: hs.settings(),
      identity: this.o.identity(),
      host: this.host,
      session: extra.session,
      ended: extra.ended,
      links: this.links(),
      targetDir: this.targetDir,
      params: this.req.params,
      userAgent: this.req.userAgent,
      secure: this.req.secure === true,
      scope,
      error: extra.error,
      username: extra.username,
      linkRedirect: extra.linkRedirect ?? '',
      linkAdvert: extra.linkAdvert,
      ...over,
    };
  }

  private async renderFile(path: string, scope: PageScope, extra: Extra): Promise<ServletResponse> {
    const template = await this.dir.template(path);
    const vars = pageVariables(this.context(scope, extra));
    const out = renderTemplate(template, { vars, radius: extra.session?.radius?.grant.attributes });
    const headers: Array<[string, string]> = [['Content-Type', path.endsWith('api.json') ? 'application/json; charset=utf-8' : contentType(path)]];
    for (const [name, value] of out.headers) {
      const i = headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
      if (i >= 0) headers.splice(i, 1);
      headers.push([name, value]);
    }
    return { status: out.status?.code ?? 200, statusMessage: out.status?.message, headers, body: out.body, page: path, unknown: out.unknown };
  }
}

interface Extra {
  session?: Session;
  ended?: EndedSession;
  error?: ErrorVariables;
  username?: string;
  linkRedirect?: string;
  linkAdvert?: string;
}
