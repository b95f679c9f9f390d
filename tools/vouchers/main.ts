/**
 * `npm run vouchers -- ROUTER --count 50 --profile 1h`: creates a batch of vouchers on the router over
 * SSH and writes its tickets (HTML and PDF); `--list` shows the batches, `--remove BATCH` deletes one.
 * A thin CLI over create.ts, router.ts and tickets.ts, which never print. See README "Vouchers".
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../config/index.ts';
import { RouterConnection } from '../deploy/connection.ts';
import { connectOptions, positive, withLoginOptions, type LoginFlags } from '../deploy/router-login.ts';
import { parseTarget } from '../deploy/targets.ts';
import { parseCommand, runAsScript, withUserErrors, type CliIo } from '../lib/command.ts';
import { UserError } from '../lib/errors.ts';
import { checkCount, MAX_COUNT } from './codes.ts';
import { createVouchers, defaultBatchName, type CreateEvent } from './create.ts';
import { bytesWords, durationWords } from './limits.ts';
import { listBatches, removeBatch } from './router.ts';
import { PAPERS, renderSheet, type Paper } from './tickets.ts';

interface Flags extends LoginFlags {
  count: string;
  profile?: string;
  length?: string;
  alphabet?: string;
  uptime?: string;
  data?: string;
  price?: string;
  batch?: string;
  list?: boolean;
  remove?: string;
  paper?: string;
  lang?: string;
  ssid?: string;
  dnsName?: string;
  out: string;
  pdf: boolean;
  config?: string;
}

function program(): Command {
  return withUserErrors(
    withLoginOptions(
      new Command('vouchers')
        .description('Create hotspot vouchers on a RouterOS router and print their tickets; list or remove batches.')
        .argument('<router>', 'the router as HOST or HOST:PORT'),
    )
      .option('--count <n>', `vouchers to create (1 to ${MAX_COUNT})`, '10')
      .option('--profile <name>', 'user profile: one of vouchers.profiles in portal.config.ts, or one already on the router')
      .option('--uptime <duration>', "time each voucher buys (limit-uptime), e.g. 1h, 1d (default: the profile's)")
      .option('--data <size>', "data each voucher buys (limit-bytes-total), e.g. 500M, 2G (default: the profile's)")
      .option('--price <text>', "price or label printed on the tickets (default: the profile's)")
      .option('--length <n>', 'characters per code (default: vouchers.length)')
      .option('--alphabet <chars>', 'characters codes are drawn from (default: vouchers.alphabet, without look-alikes)')
      .option('--batch <name>', 'name of the batch, kept in the comment of each voucher (default: date and time)')
      .option('--list', 'list the batches on the router')
      .option('--remove <batch>', 'remove every voucher of a batch')
      .option('--paper <size>', `ticket layout: ${PAPERS.join(', ')} (default: vouchers.paper)`)
      .option('--lang <code>', 'language of the tickets (default: the portal default locale)')
      .option('--ssid <name>', 'Wi-Fi name: adds a Wi-Fi QR code to each ticket (default: vouchers.ssid)')
      .option('--dns-name <host>', "host in the tickets' login link (default: router.dnsName, else the hotspot's dns-name or address)")
      .option('--out <dir>', 'folder for the tickets', 'vouchers')
      .option('--no-pdf', 'write the HTML tickets only')
      .option('--config <file>', 'the portal config', 'portal.config.ts'),
  );
}

function progressLine(io: CliIo, label: string): (e: CreateEvent) => void {
  let live = false;
  return (e) => {
    if (e.kind === 'step') {
      if (live) io.stdout.write('\n');
      live = false;
      io.stdout.write(`${label}: ${e.message}\n`);
      return;
    }
    const text = `${label}: created ${e.done}/${e.total} vouchers`;
    if (io.tty) {
      io.stdout.write(`\r\x1b[2K${text}`);
      live = e.done < e.total;
      if (!live) io.stdout.write('\n');
    } else if (e.done > 0 && (e.done === e.total || e.done % 500 === 0)) io.stdout.write(`${text}\n`);
  };
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const cmd = program();
  if (!parseCommand(cmd, argv, io)) return 0;
  const flags = cmd.opts<Flags>();
  const target = parseTarget(cmd.args[0]!);
  if (flags.list && flags.remove) throw new UserError('--list and --remove cannot be used together: run one, then the other.');
  if (!/^\d+$/.test(flags.count))
    throw new UserError(`--count "${flags.count}" is not a whole number: write how many vouchers to make, e.g. --count 50.`);
  const count = checkCount(Number(flags.count));
  const paper = (flags.paper ?? undefined) as Paper | undefined;
  if (paper && !PAPERS.includes(paper)) throw new UserError(`--paper "${flags.paper}" is not one of ${PAPERS.join(', ')}.`);
  const { config, dir: root } = await loadConfig(path.resolve(flags.config ?? 'portal.config.ts'));
  const v = config.vouchers;
  const profile = flags.profile ?? (Object.keys(v.profiles).length === 1 ? Object.keys(v.profiles)[0] : undefined);
  if (!flags.list && !flags.remove && !profile) {
    const known = Object.keys(v.profiles);
    throw new UserError(
      `Name the user profile with --profile${known.length ? ` (one of ${known.join(', ')})` : ''}, or add profiles to vouchers.profiles in portal.config.ts.`,
    );
  }
  const locale = flags.lang ?? config.locales.default;
  if (!Intl.NumberFormat.supportedLocalesOf([locale]).length)
    throw new UserError(`--lang "${locale}" is not a language code Node knows, such as en, es or ar.`);

  const conn = await RouterConnection.open(target, await connectOptions(flags, io.tty, io.env));
  try {
    if (flags.list) {
      const batches = await listBatches(conn);
      if (!batches.length) io.stdout.write(`${target.label} has no voucher batches.\n`);
      else {
        // Names come from the router's comments: control characters are not sent to the terminal.
        const shown = (t: string) => t.replace(/[\x00-\x1f\x7f]/g, '?');
        const rows = [['batch', 'vouchers', 'profile'], ...batches.map((b) => [shown(b.batch), String(b.count), shown(b.profiles.join(','))])];
        const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
        for (const r of rows)
          io.stdout.write(
            `${r
              .map((c, i) => c.padEnd(w[i]!))
              .join('  ')
              .trimEnd()}\n`,
          );
      }
      return 0;
    }
    if (flags.remove) {
      const removed = await removeBatch(conn, flags.remove);
      io.stdout.write(`Removed ${removed} vouchers of batch ${flags.remove} from ${target.label}.\n`);
      return 0;
    }
    const started = performance.now();
    const batch = await createVouchers(
      conn,
      {
        count,
        profile: profile!,
        profiles: v.profiles,
        alphabet: flags.alphabet ?? v.alphabet,
        length: flags.length !== undefined ? positive('--length', flags.length, 32) : v.length,
        voucher: config.login.voucher,
        uptime: flags.uptime,
        data: flags.data,
        batch: flags.batch ?? defaultBatchName(),
      },
      progressLine(io, target.label),
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const what = [batch.limits.uptime && durationWords(batch.limits.uptime, 'en'), batch.limits.bytes && bytesWords(batch.limits.bytes, 'en')]
      .filter(Boolean)
      .join(', ');
    io.stdout.write(
      `Created ${batch.codes.length} vouchers in batch ${batch.batch} on ${target.label} in ${seconds} s (profile ${batch.profile}${what ? `: ${what}` : ''}).\n`,
    );

    const html = await renderSheet({
      codes: batch.codes,
      limits: batch.limits,
      sharedUsers: v.profiles[batch.profile]?.sharedUsers,
      price: flags.price ?? batch.price,
      portalHost: flags.dnsName ?? config.router.dnsName ?? batch.portalHost,
      voucher: config.login.voucher,
      brand: { network: config.brand.name, logo: config.brand.logo, root, colors: config.brand.colors, font: config.brand.font.family },
      locale,
      paper: paper ?? v.paper,
      ssid: flags.ssid ?? v.ssid,
      templatesDir: path.join(root, 'templates', 'tickets'),
    });
    await mkdir(flags.out, { recursive: true });
    const base = path.join(flags.out, batch.batch);
    // The tickets hold working codes: readable by their owner only.
    await writeFile(`${base}.html`, html, { mode: 0o600 });
    const files = [`${base}.html`];
    if (flags.pdf) {
      // Loaded only when needed: it starts Chromium through Playwright.
      const { renderPdf } = await import('./pdf.ts');
      await writeFile(`${base}.pdf`, await renderPdf(html), { mode: 0o600 });
      files.push(`${base}.pdf`);
    }
    io.stdout.write(`Tickets: ${files.join(', ')}\n`);
    return 0;
  } finally {
    await conn.close();
  }
}

await runAsScript(import.meta.url, main);
