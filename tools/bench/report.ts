/** bench/results.md: the figures as tables a reader can check against the targets, and how they were measured. */
import type { GuestSetResult } from './guest-timing.ts';
import type { LoadResult } from './load.ts';
import type { FolderWeight } from './page-weight.ts';
import type { BenchResults, Target } from './results.ts';
import type { Summary } from './stats.ts';

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (x: number): string => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
export const times = (x: number): string => `${x.toFixed(2)}×`;
const spread = (s: Summary, f: (x: number) => string): string => (s.n > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median));
const count = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export function showTarget(t: Target): string {
  switch (t.unit) {
    case 'bytes':
      // Exact bytes too: a figure just over the limit must not read as the limit itself.
      return `${kb(t.measured)} (${Math.round(t.measured)} B)`;
    case 'ratio':
      return times(t.measured);
    case 'shift':
      return t.measured.toFixed(3);
    default:
      return count(t.measured);
  }
}

/**
 * The targets table (also quoted in README.md), with the figures of the run before this one beside
 * them when given (the committed results.json the run replaces), for comparison.
 */
export function targetsTable(targets: readonly Target[], before?: { date: string; targets: readonly Target[] }): string {
  const prior = (t: Target) => {
    const b = before?.targets.find((x) => x.id === t.id);
    return b && Number.isFinite(b.measured) ? showTarget(b) : '—';
  };
  return before
    ? table(
        ['Target', 'Measured', 'Met', `Run before (${before.date.slice(0, 10)})`],
        targets.map((t) => [t.text, showTarget(t), t.met ? 'yes' : '**no**', prior(t)]),
      )
    : table(
        ['Target', 'Measured', 'Met'],
        targets.map((t) => [t.text, showTarget(t), t.met ? 'yes' : '**no**']),
      );
}

function weightTable(w: FolderWeight): string {
  return table(
    ['Page', 'HTML raw', 'HTML gzip', 'With all it loads, raw', 'gzip', 'Requests'],
    w.pages.map((p) => [p.page, kb(p.html.bytes), kb(p.html.gzip), kb(p.bytes), kb(p.gzip), String(p.requests)]),
  );
}

function guestTable(r: BenchResults): string {
  const { portal, pictures, baseline, ratios } = r.guest;
  const row = (label: string, k: keyof Omit<GuestSetResult, 'runs'>, f: (x: number) => string, ratio?: number) => [
    label,
    spread(portal[k], f),
    ...(pictures ? [spread(pictures[k], f)] : []),
    spread(baseline[k], f),
    ratio === undefined ? '' : times(ratio),
  ];
  return table(
    ["From the guest's first request to…", 'Portal', ...(pictures ? ['With pictures'] : []), 'Baseline', 'Portal / baseline'],
    [
      row('first contentful paint (anything)', 'firstContentfulPaint', ms),
      row('login form painted', 'formPainted', ms, ratios.formPainted),
      row('form ready to submit', 'ready', ms, ratios.ready),
      row('logged in ("You are connected" shown)', 'loggedIn', ms, ratios.loggedIn),
      row('click on "Log in" → connected', 'submitToConnected', ms, ratios.submitToConnected),
      row('logged in, with the automated typing', 'loggedInAsDriven', ms),
      row('login page: requests', 'loginRequests', count),
      row('login page: bytes over the wire', 'loginWireBytes', kb),
      row('login page: bytes before the form can be submitted', 'beforeSubmitBytes', kb),
      row('login page: layout shift until the click', 'layoutShift', (x) => x.toFixed(3)),
    ],
  );
}

function deployTable(r: BenchResults): string {
  const d = r.deploy;
  return table(
    ['Deploy', 'Time', 'Ratio'],
    [
      ['full deploy (one router)', spread(d.fullMs, ms), '1.00×'],
      ['no-op redeploy', spread(d.noopMs, ms), times(d.noopRatio)],
      [`one-file change (${d.changedFile})`, spread(d.oneFileMs, ms), times(d.oneFileRatio)],
      [
        `${d.fleet.routers} routers, one deployFleet call (concurrency ${d.fleet.concurrency})`,
        spread(d.fleet.ms, ms),
        `${times(d.fleet.ratio)} one router`,
      ],
    ],
  );
}

/** CPU per deployed router on each side, beside the times: on loopback the deploy is CPU-bound. */
function deployCpuTable(r: BenchResults): string {
  const c = r.deploy.cpu;
  if (!c) return '';
  const row = (label: string, x: { deploy: Summary; router: Summary }) => [label, spread(x.deploy, ms), spread(x.router, ms)];
  const rows = table(
    ['CPU per router', 'Deploy (this process)', 'Virtual router (router process)'],
    [row('full deploy (one router)', c.full), row(`${r.deploy.fleet.routers} routers, one deployFleet call`, c.fleet)],
  );
  return `\n\n${rows}`;
}

function loadTable(r: BenchResults): string {
  const runs = [r.load, ...(r.loadRadius ? [r.loadRadius] : [])];
  const row = (name: string, f: (l: LoadResult) => string) => [name, ...runs.map(f)];
  return table(
    ['Router under load', 'Local users', ...(r.loadRadius ? ['Users in FreeRADIUS'] : [])],
    [
      row('concurrent guests', (l) => String(l.guests)),
      row('CHAP logins (attempts)', (l) => `${l.logins} (${l.attempts}) in ${l.seconds.toFixed(1)} s`),
      row('logins per second', (l) => l.loginsPerSecond.toFixed(0)),
      row('GET /login → logged-in page, per login', (l) => (l.loginMs ? spread(l.loginMs, ms) : '—')),
      row('errors', (l) => {
        const errors = Object.entries(l.errorKinds).map(([k, v]) => `${k}: ${v.count} (first: ${v.first})`);
        return errors.length ? `${l.errors}: ${errors.join('; ')}` : '0';
      }),
    ],
  );
}

export function renderMarkdown(r: BenchResults, before?: { date: string; targets: readonly Target[] }): string {
  const m = r.machine;
  const s = r.settings;
  const n = r.guest.network;
  const w = r.pageWeight;
  return `# Benchmark results

${r.mode === 'quick' ? '**Quick mode** (few runs: a smoke test of the bench, not figures to quote).\n\n' : ''}Measured ${r.date} by \`npm run bench${r.mode === 'quick' ? ' -- --quick' : ''}\` in ${Math.round(r.seconds)} s on ${m.nproc} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}, Chromium ${m.chromium ?? '?'} (Playwright ${m.playwright}).

## Targets

${targetsTable(r.targets, before)}

KB = 1024 bytes. Ratios compare the portal with the plain baseline measured in the same run, alternating: other work on the machine slows both alike, so the ratios are the figures to judge, not the absolute times.${before ? ' "Run before" is the committed result this run replaced, judged by the same targets (— where that run did not measure the figure).' : ''} The login page's figures are what Chromium received in the timed runs: response headers included, with the English texts the page carries inline. From the files alone, login.html with what it loads is ${kb(w.portal.pages.find((p) => p.page === 'login.html')?.bytes ?? 0)} in ${w.portal.pages.find((p) => p.page === 'login.html')?.requests ?? 0} files (with the largest language, as the build's size budget counts it).

## Page weight

Files as built (\`dist/hotspot/\`: ${w.portal.files} files, ${kb(w.portal.bytes)} raw, ${kb(w.portal.gzip)} gzip). "With all it loads" follows the page through its HTML, scripts and the largest language file, as the build's size budget counts it (tools/build/budgets.ts). RouterOS serves files uncompressed: raw bytes are what a guest downloads; gzip (level 6) is shown for scale.

${weightTable(w.portal)}

Baseline page set (bench/baseline/: ${w.baseline.files} files, ${kb(w.baseline.bytes)}):

${weightTable(w.baseline)}

## A guest on weak Wi-Fi

Chromium with network emulation of ${n.downloadKbps / 1000} Mbit/s down, ${n.uploadKbps} kbit/s up and ${n.latencyMs} ms round trip, behind the virtual router; median (min–max) of ${r.guest.runsPerSet} runs per page set, runs alternating between the sets.${r.guest.pictures ? ' *With pictures* is the same portal branded as designers often brand it: a 15 KB PNG wordmark in the large logo slot and a 20 KB WebP hero (bench/brand/); the pictures must load beside the form, never hold it back.' : ''}

${guestTable(r)}

## Deploy

Virtual routers (RouterOS 7.19.4) over SSH/SFTP on loopback; median (min–max) of ${s.deployIterations} fresh routers, and ${s.fleetRuns} fleet run(s) of ${s.fleetSize} fresh routers. Bundle: ${r.deploy.bundleFiles} files, ${kb(r.deploy.bundleBytes)}. The one-file change uploaded ${r.deploy.oneFileUploads} file(s) and copied ${r.deploy.oneFileCopies} on the router.

${deployTable(r)}${deployCpuTable(r)}

## Router under load

${loadTable(r)}

## Method

- **Page weight** is computed from the built files. The targets on the login page use what Chromium itself counted in the timed runs: every request made by the login document until the click on "Log in", which comes once the login document has had nothing in flight for 300 ms, so what its scripts load after the form is ready counts too (the document included; the redirect from the guest's first URL belongs to rlogin and is not counted, and so is what the login's answer loads: the portal shows it in the same document), and the bytes received for them, headers included (CDP \`Network.loadingFinished\` \`encodedDataLength\`), for an \`en-US\` browser (English texts).
- **Guest timings**: each run is a fresh browser context (empty cache, no cookies) with a fresh MAC (\`x-vr-mac\`) and its own hotspot account; the router's session is ended after the run. Chromium is started with \`--proxy-server\` pointing at the virtual router and asks for http://example.com/, which the router redirects to http://10.5.50.1/login; emulation is \`Network.emulateNetworkConditions\` on a CDP session (latency is added per request; no packet loss; CPU not throttled). One unmeasured run of each set comes first. Times are taken in the page (\`performance.timeOrigin + performance.now()\` at each animation frame) and counted from the navigation start of the guest's first request. *First contentful paint* is Chromium's paint timing (when the frame was presented), while the other marks are taken at the start of the frame that draws them, so it can read some 20 ms later than "form painted" when the form is in the first frame (the baseline, whose md5.js in the head holds back the first paint). *Form painted*: first frame in which the user-name and password fields and the submit button have a layout box (open shadow roots searched). *Ready*: first frame in which the submit button is enabled and labelled "Log in" and the CHAP code is in place (portal: its first script, the small CHAP path, has wired the form the build rendered into the page and set \`data-hs-ready\`, and \`hsChap\` holds chap-id and chap-challenge; baseline: \`hexMD5\` defined by md5.js). *Bytes before submit*: the document and what its markup asked for until the scripts it names had arrived (CDP initiator \`parser\`, sent before the last such script finished loading): the form cannot be sent before its script is in, and what was asked for until then shared the link with it; not what scripts load afterwards (the portal's second script and the static chunk), nor the pictures the portal's first script asks for once it has run (Chromium reports those as parser-initiated too). *Layout shift*: Chromium's \`layout-shift\` entries of the login document up to the click, summed. *Logged in*: ready plus the time from the click on "Log in" to the first frame showing the heading "You are connected" (the automated typing in between, 100–300 ms of Playwright work, is shown separately). The router checks every run logged in by http-chap.
- **With pictures**: the designer's config with \`brand.logo\` = bench/brand/wordmark.png (400 × 100 PNG, 15 KB), \`logoSize: 'large'\` and \`brand.hero\` = bench/brand/hero.webp (1000 × 400, 20 KB), built separately and served from its own folder of the same router; its runs take their turn with the other two sets.
- **Baseline**: bench/baseline/ is a minimal classic MikroTik-style set written for this bench: login.html with the \`sendin\` form and an inline \`doLogin()\` hashing with \`hexMD5\` from a plain md5.js, alogin.html, and an rlogin.html that redirects with a 302 as the portal's does. Served by the same router in the same run (the profile's html-directory is switched between the two folders).
- **Deploy**: the deploy core (\`deployFleet\`) in this process; every virtual router (SSH, SFTP and the CLI over a file store in a temporary folder) in one child process (tools/bench/router-host.ts), so the routers of a fleet share its one event loop. Each fresh router starts with the baseline pages as its own pages in \`hotspot/\`. Per router: a full deploy, a redeploy of the same bundle (no-op), then a copy of the bundle with ${r.deploy.changedFile} changed. The fleet is one \`deployFleet\` call to ${s.fleetSize} fresh routers with the CLI's default concurrency (${s.fleetConcurrency}). A first deploy warms up and is not counted; each timed deploy starts with both processes idle. *CPU per router*: \`process.cpuUsage()\` (user and system) of this process and of the router process over each timed deploy, divided by its routers. Loopback has no radio: the figures compare the work the toolkit does (SSH round trips, hashing, uploads, copies by the virtual router's CLI). Both processes share this machine's ${r.machine.nproc} CPUs, with whatever else runs on it: the routers' work is on the CPUs the deploy uses, where ten real routers bring ten CPUs of their own, so a fleet here takes at least the deploy's and the routers' CPU for all its routers divided by ${r.machine.nproc}, and the fleet's ratio is higher than a real fleet's. (Spreading the routers of a fleet over one router process per CPU, or one per router, was tried: on 2 CPUs neither was faster, as the deploy then shares its CPU with more processes.)
- **Load**: ${s.loadGuests} simulated guests at once (one keep-alive connection each, in this process; the router in a child process), each repeating: GET /login, compute the CHAP answer from the page's chap-id and chap-challenge, POST /login, expect the logged-in page, GET /logout (so the router holds at most one session per guest). Bounded by ${s.loadMaxLogins} login attempts or ${s.loadMaxSeconds} s. An error is any answer other than the expected page, a timeout or a failed connection. *Users in FreeRADIUS*: the same run against a router with \`use-radius=yes\` and no local users, every login an Access-Request to Debian's FreeRADIUS on loopback (CHAP against its \`files\` users; the router's default 300 ms timeout, resent up to 3 times) plus an accounting Start, every logout a Stop; FreeRADIUS shares this machine's CPUs with the router and the guests.
- Raw data, every run and the spread (quartiles) of each figure: bench/results.json.
`;
}
