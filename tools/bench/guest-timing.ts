/**
 * A guest's time to log in on weak Wi-Fi: Chromium behind the virtual router (proxy mode), with CDP
 * network emulation, one fresh browser context and a fresh MAC per run. The portal and the baseline
 * page set are served by the same router, one after the other, by switching the hotspot profile's
 * html-directory between two folders of its file store; runs alternate between the sets.
 */
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, CDPSession } from 'playwright';
import { launchChromium } from '../lib/chromium.ts';
import { UserError } from '../lib/errors.ts';
import { startVirtualRouter, type VirtualRouter } from '../routeros/virtual-router.ts';
import { BINDING, probeScript, type MarkName, type PageKind } from './page-probe.ts';
import { ratio, summarize, type Summary } from './stats.ts';

/** The hotspot address of the virtual router's default profile: the login page is http://10.5.50.1/login. */
const HOTSPOT = 'http://10.5.50.1';
const START_URL = 'http://example.com/';

export interface NetworkProfile {
  latencyMs: number;
  downloadKbps: number;
  uploadKbps: number;
}

/** A crowded hotspot, as the issue sets it: 1 Mbit/s down, 500 kbit/s up, 100 ms round trip. */
export const WEAK_WIFI: NetworkProfile = { latencyMs: 100, downloadKbps: 1000, uploadKbps: 500 };

/**
 * The page sets a run can load: the portal, the same portal branded with raster pictures (a 15 KB PNG
 * wordmark and a 20 KB hero: they must not hold the form back), and the plain baseline.
 */
export type SetName = 'portal' | 'pictures' | 'baseline';
const probeKind = (set: SetName): PageKind => (set === 'baseline' ? 'baseline' : 'portal');

export interface GuestRun {
  kind: SetName;
  run: number;
  mac: string;
  /** Milliseconds from the guest's first request. */
  firstContentfulPaint: number;
  formPainted: number;
  ready: number;
  /**
   * Ready, plus the click on "Log in" to the "You are connected" page: a guest who submits the moment
   * the form is ready. The automated typing in between measures the harness, not the pages.
   */
  loggedIn: number;
  /** From the click on "Log in" to the "You are connected" page. */
  submitToConnected: number;
  /** First request to "You are connected", the automated typing included. */
  loggedInAsDriven: number;
  /** Requests the login document made (itself included), and the bytes Chromium received for them (headers and bodies). */
  loginRequests: number;
  loginWireBytes: number;
  /**
   * Bytes the form needed before it could be submitted: the document and what its markup loads
   * (parser-initiated: the page's first script, the baseline's md5.js), headers included; not what
   * scripts load later (the portal's full script and Lit).
   */
  beforeSubmitBytes: number;
  /** Cumulative layout shift of the login page up to the click on "Log in". */
  layoutShift: number;
  loginUrls: string[];
}

export interface GuestSetResult {
  runs: GuestRun[];
  firstContentfulPaint: Summary;
  formPainted: Summary;
  ready: Summary;
  loggedIn: Summary;
  submitToConnected: Summary;
  loggedInAsDriven: Summary;
  loginRequests: Summary;
  loginWireBytes: Summary;
  beforeSubmitBytes: Summary;
  layoutShift: Summary;
}

export interface GuestTimingResult {
  chromium: string;
  network: NetworkProfile;
  runsPerSet: number;
  portal: GuestSetResult;
  /** The portal with the brand's pictures; absent when the run was not given that build. */
  pictures?: GuestSetResult;
  baseline: GuestSetResult;
  /** portal median / baseline median; `picturesReady`: the pictures build's ready median / the portal's (what the pictures cost the form). */
  ratios: { formPainted: number; ready: number; loggedIn: number; submitToConnected: number; picturesReady?: number };
}

export interface GuestTimingOptions {
  portalDir: string;
  /** The portal built with the brand's pictures (bench/brand/), measured beside the other two sets. */
  picturesDir?: string;
  baselineDir: string;
  workDir: string;
  runs: number;
  network?: NetworkProfile;
  log?: (line: string) => void;
}

const PASSWORD = 'bench-password';
const mac = (n: number) => `02:BE:00:00:${hex2(n >> 8)}:${hex2(n)}`;
const hex2 = (n: number) => (n & 255).toString(16).toUpperCase().padStart(2, '0');

export async function benchGuests(o: GuestTimingOptions): Promise<GuestTimingResult> {
  const network = o.network ?? WEAK_WIFI;
  const store = join(o.workDir, 'guest-store');
  await mkdir(store, { recursive: true });
  await cp(o.portalDir, join(store, 'portal'), { recursive: true });
  await cp(o.baselineDir, join(store, 'baseline'), { recursive: true });
  if (o.picturesDir) await cp(o.picturesDir, join(store, 'pictures'), { recursive: true });
  const sets: SetName[] = o.picturesDir ? ['portal', 'pictures', 'baseline'] : ['portal', 'baseline'];
  const total = (o.runs + 1) * sets.length;
  const vr = await startVirtualRouter({
    storageDir: store,
    config: {
      'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': 'http-chap,cookie,trial', 'html-directory': 'portal' }],
      // One account per run: no run can meet another's session.
      'ip/hotspot/user': Array.from({ length: total }, (_, i) => ({ name: `guest-${i + 1}`, password: PASSWORD })),
    },
  });
  let browser: Browser | undefined;
  try {
    useSet(vr, 'baseline');
    await vr.htmlDir().checkAll(); // a malformed baseline page fails here, not in the middle of the runs
    useSet(vr, 'portal');
    browser = await launchChromium({ args: [`--proxy-server=${vr.url}`], fullBrowser: true }).catch((err: unknown) => {
      const why = (err instanceof Error ? err.message : String(err)).split('\n')[0];
      throw new UserError(
        `Chromium could not be started (${why}): install Debian's chromium (apt-get install -y chromium), then run the bench again.`,
      );
    });
    const runs: GuestRun[] = [];
    let n = 0;
    // One unmeasured run of each set first: Chromium's first contexts pay start-up costs.
    for (const kind of sets) {
      n++;
      useSet(vr, kind);
      await guestRun(browser, vr, { kind, run: 0, mac: mac(n), user: `guest-${n}`, network });
    }
    for (let i = 0; i < o.runs; i++) {
      // Rotate which set goes first, so a drift in the machine's speed touches each alike.
      const order = [...sets.slice(i % sets.length), ...sets.slice(0, i % sets.length)];
      for (const kind of order) {
        n++;
        useSet(vr, kind);
        const run = await guestRun(browser, vr, { kind, run: i + 1, mac: mac(n), user: `guest-${n}`, network });
        o.log?.(
          `  ${kind.padEnd(8)} run ${i + 1}: form ${run.formPainted.toFixed(0)} ms, ready ${run.ready.toFixed(0)} ms, logged in ${run.loggedIn.toFixed(0)} ms`,
        );
        runs.push(run);
      }
    }
    const portal = summarizeRuns(runs.filter((r) => r.kind === 'portal'));
    const pictures = o.picturesDir ? summarizeRuns(runs.filter((r) => r.kind === 'pictures')) : undefined;
    const baseline = summarizeRuns(runs.filter((r) => r.kind === 'baseline'));
    const r = (k: 'formPainted' | 'ready' | 'loggedIn' | 'submitToConnected') => ratio(portal[k].median, baseline[k].median, `${k} portal/baseline`);
    return {
      chromium: browser.version(),
      network,
      runsPerSet: o.runs,
      portal,
      ...(pictures ? { pictures } : {}),
      baseline,
      ratios: {
        formPainted: r('formPainted'),
        ready: r('ready'),
        loggedIn: r('loggedIn'),
        submitToConnected: r('submitToConnected'),
        ...(pictures ? { picturesReady: ratio(pictures.ready.median, portal.ready.median, 'ready pictures/portal') } : {}),
      },
    };
  } finally {
    await browser?.close();
    await vr.close();
  }
}

function useSet(vr: VirtualRouter, kind: SetName): void {
  const row = vr.db.byName('ip/hotspot/profile', 'hsprof1');
  if (!row) throw new Error('the bench router has no hsprof1 profile');
  vr.db.set('ip/hotspot/profile', row, { 'html-directory': kind });
}

export function summarizeRuns(runs: GuestRun[]): GuestSetResult {
  const s = (k: keyof Omit<GuestRun, 'kind' | 'run' | 'mac' | 'loginUrls'>) =>
    summarize(
      runs.map((r) => r[k]),
      k,
    );
  return {
    runs,
    firstContentfulPaint: s('firstContentfulPaint'),
    formPainted: s('formPainted'),
    ready: s('ready'),
    loggedIn: s('loggedIn'),
    submitToConnected: s('submitToConnected'),
    loggedInAsDriven: s('loggedInAsDriven'),
    loginRequests: s('loginRequests'),
    loginWireBytes: s('loginWireBytes'),
    beforeSubmitBytes: s('beforeSubmitBytes'),
    layoutShift: s('layoutShift'),
  };
}

interface RunSpec {
  kind: SetName;
  run: number;
  mac: string;
  user: string;
  network: NetworkProfile;
}

async function guestRun(browser: Browser, vr: VirtualRouter, spec: RunSpec): Promise<GuestRun> {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, locale: 'en-US', extraHTTPHeaders: { 'x-vr-mac': spec.mac } });
  const marks = new Map<MarkName, number>();
  const errors: string[] = [];
  try {
    await context.exposeBinding(BINDING, (_source, name: MarkName, at: number) => {
      if (!marks.has(name)) marks.set(name, at);
    });
    await context.addInitScript({ content: probeScript(probeKind(spec.kind)) });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    const wire = watchLoginDocument(cdp);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: spec.network.latencyMs,
      downloadThroughput: (spec.network.downloadKbps * 1000) / 8,
      uploadThroughput: (spec.network.uploadKbps * 1000) / 8,
    });
    await page.goto(START_URL, { waitUntil: 'commit', timeout: 60_000 });
    await waitForMark(marks, 'ready', errors);
    await page.getByLabel('Username').fill(spec.user);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('checkbox', { name: /acceptable use/ }).check();
    // What the login page loads is all it asks for before the click: the guest clicks once the login
    // document has nothing left in flight, so the part loaded after "ready" (the interactive app) counts
    // on a fast machine too. Requests after the click are the login's answer (the portal shows it in the
    // same document) and are not the login page's.
    await wire.settled();
    wire.stop();
    await page.getByRole('button', { name: 'Log in' }).click();
    await waitForMark(marks, 'connected', errors);
    const session = vr.hotspot.session(spec.mac);
    if (session?.loginBy !== 'http-chap' || session.user !== spec.user) {
      throw new Error(`the ${spec.kind} run ${spec.run} showed "You are connected" but the router has no CHAP session for ${spec.user}`);
    }
    if (errors.length) throw new Error(`the ${spec.kind} pages raised a script error: ${errors[0]}`);
    const at = (name: MarkName) => {
      const v = marks.get(name);
      if (v === undefined) throw new Error(`the ${spec.kind} run ${spec.run} never reported "${name}"`);
      return v;
    };
    const origin = at('origin');
    const login = wire.summary();
    return {
      kind: spec.kind,
      run: spec.run,
      mac: spec.mac,
      firstContentfulPaint: at('fcp') - origin,
      formPainted: at('form') - origin,
      ready: at('ready') - origin,
      loggedIn: at('ready') - origin + (at('connected') - at('submit')),
      submitToConnected: at('connected') - at('submit'),
      loggedInAsDriven: at('connected') - origin,
      loginRequests: login.requests,
      loginWireBytes: login.bytes,
      beforeSubmitBytes: login.beforeSubmit,
      layoutShift: marks.get('shift') ?? 0,
      loginUrls: login.urls,
    };
  } finally {
    await context.close();
    vr.hotspot.end(spec.mac, 'admin');
  }
}

async function waitForMark(marks: Map<MarkName, number>, name: MarkName, errors: string[], timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!marks.has(name)) {
    if (errors.length) throw new Error(`the page raised a script error before "${name}": ${errors[0]}`);
    if (Date.now() > until) throw new Error(`no "${name}" within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Counts what the login document loads, from Chromium's own network events: every request made
 * under the login document's loader (the document itself and everything it fetches), and the bytes
 * received for each (Network.loadingFinished encodedDataLength: headers and body). The redirect from
 * the guest's first URL belongs to rlogin, not to the login page, and is not counted; nor is anything
 * asked for after the click on "Log in" (`stop`), which belongs to the login's answer. `settled` lets the
 * run wait until the page has fetched all it will before that click.
 *
 * Before submit: the document and what its markup asked for until the page's scripts in it had arrived
 * (parser-initiated requests sent before the last parser-initiated script finished loading): the form
 * cannot be sent before its script is in, and whatever was asked for until then shared the link with
 * it. Not what scripts load later, nor what the page asks for once its first script has run (Chromium
 * names the parser as the initiator of an image whose address a script sets on a parsed <img>).
 */
function watchLoginDocument(cdp: CDPSession) {
  let loader: string | undefined;
  let stopped = false;
  const requests = new Map<string, string>();
  /** Parser-initiated requests, with when each was sent (CDP's monotonic seconds). */
  const byMarkup = new Map<string, number>();
  /** When each parser-initiated script finished loading. */
  const markupScripts = new Map<string, number>();
  const bytes = new Map<string, number>();
  const inFlight = new Set<string>();
  let lastActivity = Date.now();
  const done = (id: string) => {
    if (inFlight.delete(id)) lastActivity = Date.now();
  };
  cdp.on('Network.loadingFailed', (e) => done(e.requestId));
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!loader && e.type === 'Document' && e.request.method === 'GET' && e.request.url.startsWith(`${HOTSPOT}/login`)) loader = e.loaderId;
    if (!stopped && loader && e.loaderId === loader && e.request.url.startsWith(`${HOTSPOT}/`)) {
      requests.set(e.requestId, e.request.url);
      inFlight.add(e.requestId);
      lastActivity = Date.now();
      // The document itself ('other') and what its markup asks for ('parser'), not what scripts import later.
      if (e.initiator.type === 'other' || e.initiator.type === 'parser') byMarkup.set(e.requestId, e.timestamp);
      if (e.initiator.type === 'parser' && e.type === 'Script') markupScripts.set(e.requestId, Infinity);
    }
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (requests.has(e.requestId)) bytes.set(e.requestId, e.encodedDataLength);
    if (markupScripts.has(e.requestId)) markupScripts.set(e.requestId, e.timestamp);
    done(e.requestId);
  });
  const beforeSubmitIds = () => {
    const scriptsIn = markupScripts.size ? Math.max(...markupScripts.values()) : Infinity;
    return [...byMarkup].filter(([, sentAt]) => sentAt <= scriptsIn).map(([id]) => id);
  };
  return {
    /** Resolves once the login document has had nothing in flight for `quietMs` (its scripts' imports included). */
    settled: async (quietMs = 300, timeoutMs = 30_000) => {
      const until = Date.now() + timeoutMs;
      while (inFlight.size > 0 || Date.now() - lastActivity < quietMs) {
        if (Date.now() > until) throw new Error(`the login page still had ${inFlight.size} request(s) in flight after ${timeoutMs / 1000} s`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    /** Requests from now on are not the login page's (bytes of those already made still count). */
    stop: () => (stopped = true),
    summary: () => ({
      requests: requests.size,
      bytes: [...requests.keys()].reduce((n, id) => n + (bytes.get(id) ?? 0), 0),
      beforeSubmit: beforeSubmitIds().reduce((n, id) => n + (bytes.get(id) ?? 0), 0),
      urls: [...requests.values()].map((u) => u.slice(HOTSPOT.length)),
    }),
  };
}
