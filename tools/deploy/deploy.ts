/**
 * The deploy core: one router or many, deploy or rollback. A library that never prints: it takes the
 * connection options and an event sink, and returns results. tools/deploy/main.ts is its CLI.
 */
import { UserError } from '../lib/errors.ts';
import { parseTerse } from '../routeros/cli/output.ts';
import { applyPlan, importScript, type DeployEvent, type SwitchState } from './apply.ts';
import { BundleFiles } from './bundle-files.ts';
import { checkRouterCertificate } from './certificate.ts';
import { NotWritten, RouterConnection, RouterLost, type ConnectOptions, type RouterTarget } from './connection.ts';
import { manifestPath, type Manifest } from './manifest.ts';
import { planDeploy, SPACE_MARGIN, describePlan, type DeployPlan } from './plan.ts';
import { readFreeBytes, readRouterFacts, type RouterFacts } from './router-facts.ts';
import { rscString, rscValue } from './rsc.ts';
import type { DeploySettings } from './settings.ts';

export type { DeployEvent } from './apply.ts';

export interface DeployJob {
  distDir: string;
  manifest: Manifest;
  settings: DeploySettings;
  connect: ConnectOptions;
  mode: 'deploy' | 'dry-run' | 'rollback';
  emit?: (e: DeployEvent) => void;
  /** The bundle's files, read once and shared by the routers of a fleet (deployFleet sets it). */
  bundle?: BundleFiles;
}

export interface RouterResult {
  router: string;
  ok: boolean;
  status: 'deployed' | 'unchanged' | 'planned' | 'rolled back' | 'failed';
  folder?: string;
  uploadedFiles: number;
  uploadedBytes: number;
  copiedFiles: number;
  ms: number;
  /** The failure, as one sentence (never a stack trace). */
  error?: string;
  /** What dry-run would do (secrets masked). */
  planText?: string;
  plan?: DeployPlan;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export async function deployRouter(target: RouterTarget, job: DeployJob): Promise<RouterResult> {
  const started = Date.now();
  const emit = job.emit ?? (() => undefined);
  const base = { router: target.label, uploadedFiles: 0, uploadedBytes: 0, copiedFiles: 0 };
  let conn: RouterConnection | undefined;
  let plan: DeployPlan | undefined;
  const progress: { state: SwitchState } = { state: 'before' };
  try {
    emit({ kind: 'step', router: target.label, message: 'connecting' });
    conn = await RouterConnection.open(target, job.connect);
    const facts = await readRouterFacts(conn, job.settings.portal, job.settings.profile);
    emit({
      kind: 'step',
      router: target.label,
      message: `RouterOS ${facts.version}, profile ${facts.profile}, serving ${facts.liveFolder || '(nothing)'}`,
    });
    if (job.mode === 'rollback') return { ...base, ...(await rollback(conn, facts)), ok: true, ms: Date.now() - started };

    const cert = job.settings.certificate;
    if (cert && job.settings.dnsName) await checkRouterCertificate(conn, cert, job.settings.dnsName);
    const stored = await readText(conn, `${facts.base}${job.settings.portal}-${job.manifest.id}.rsc`);
    plan = planDeploy(target.label, facts, job.manifest, job.settings, stored);
    if (job.mode === 'dry-run') {
      const certText = cert?.files ? `\n  certificate: ${cert.name}, imported from router.https unless the router has it` : '';
      return {
        ...base,
        ok: true,
        status: 'planned',
        folder: plan.folder,
        planText: describePlan(plan, job.manifest) + certText,
        plan,
        ms: Date.now() - started,
      };
    }
    if (plan.unchanged) return { ...base, ok: true, status: 'unchanged', folder: plan.folder, plan, ms: Date.now() - started };

    const needed = plan.bytesToUpload + plan.copy.reduce((n, f) => n + f.size, 0) + plan.script.length + SPACE_MARGIN;
    const free = plan.pagesReady ? Infinity : await readFreeBytes(conn);
    if (needed > free) {
      throw new UserError(
        `${target.label} has ${kb(free)} free but this deploy needs ${kb(needed)}: remove unused files (/file print) and deploy again; nothing was changed.`,
      );
    }
    const bundle = job.bundle ?? new BundleFiles(job.distDir);
    const applied = await applyPlan(conn, plan, { bundle, manifest: job.manifest, settings: job.settings, emit, progress });
    return { ...base, ...applied, ok: true, status: 'deployed', folder: plan.folder, plan, ms: Date.now() - started };
  } catch (err) {
    return { ...base, ok: false, status: 'failed', error: failureSentence(target, err, plan, progress.state), ms: Date.now() - started };
  } finally {
    await conn?.close();
  }
}

/**
 * One router's failure as one sentence. A lost router or a refused write gets what it serves now added; anything else
 * unexpected (a local file error, a bug) is still only this router's failure: the fleet goes on.
 */
function failureSentence(target: RouterTarget, err: unknown, plan: DeployPlan | undefined, state: SwitchState): string {
  if (err instanceof RouterLost || err instanceof NotWritten) {
    if (!plan) return `${err.message}; nothing was changed. Run the deploy again.`;
    if (state === 'before')
      return `${err.message}; ${plan.folder} was not switched to, and the router still serves ${plan.live || 'its previous pages'}. Run the deploy again to finish it.`;
    if (state === 'switching') return `${err.message}, during the switch to ${plan.folder}; run the deploy again to finish it (or --rollback).`;
    return `${err.message}, after ${plan.folder} was switched to and verified; run the deploy again to remove older versions.`;
  }
  if (err instanceof UserError) return err.message;
  const e = err as NodeJS.ErrnoException;
  const where =
    state === 'before'
      ? `the router still serves ${plan?.live || 'its previous pages'}`
      : `it stopped ${state === 'switching' ? 'during' : 'after'} the switch to ${plan?.folder}`;
  return `${target.label}: the deploy stopped on an unexpected error (${e?.message ?? String(err)}); ${where}. Run the deploy again, and report this error if it repeats.`;
}

/**
 * Switches the profile back to the version that served before the current one, re-importing that
 * version's config script when it has one. It does not restore users, other walled-garden entries,
 * or anything this toolkit did not set.
 */
async function rollback(conn: RouterConnection, facts: RouterFacts): Promise<Pick<RouterResult, 'status' | 'folder'>> {
  const label = conn.target.label;
  const current = facts.deployments.find((d) => d.folder === facts.liveFolder)?.manifest;
  if (current?.certificateRollback) {
    const { certificateRollback, ...rest } = current;
    const profile = `[find name=${rscValue('hotspot profile', facts.profile, 'name')}]`;
    await conn.run(`/ip hotspot profile set ${profile} ssl-certificate=${rscValue('ssl-certificate', certificateRollback, 'name')}`);
    await conn.put(Buffer.from(JSON.stringify(rest, null, 1)), manifestPath(facts.liveFolder), 'writing the manifest');
    return { status: 'rolled back', folder: facts.liveFolder };
  }
  const previous = current?.previous;
  if (!current)
    throw new UserError(
      `${label} is not serving a version deployed by this toolkit (it serves ${facts.liveFolder || 'nothing'}): there is nothing to roll back.`,
    );
  if (!previous) throw new UserError(`${label} has no earlier version to roll back to: ${facts.liveFolder} is the first one deployed there.`);
  const ours = facts.deployments.find((d) => d.folder === previous);
  if (ours && !ours.manifest)
    throw new UserError(`${label}: the earlier version ${previous} is incomplete, so it cannot serve; deploy again instead.`);
  const exists = parseTerse(await conn.run(`/file print terse where name=${rscString(previous)}`)).length > 0;
  if (!exists) throw new UserError(`${label}: the earlier version ${previous} is no longer on the router; deploy the version you want instead.`);
  const script = ours ? await readText(conn, `${previous}.rsc`) : undefined;
  if (script) await importScript(conn, `${previous}.rsc`, script);
  else {
    // Back to pages this toolkit did not deploy (the router's own): on v7 clearing the override
    // restores exactly what served before the first deploy.
    const profile = `[find name=${rscValue('hotspot profile', facts.profile, 'name')}]`;
    if (facts.v7 && previous === facts.htmlDirectory) await conn.run(`/ip hotspot profile set ${profile} html-directory-override=""`);
    else
      await conn.run(
        `/ip hotspot profile set ${profile} ${facts.v7 ? 'html-directory-override' : 'html-directory'}=${rscValue('html directory', previous, 'path')}`,
      );
  }
  // The certificate setting from before this version, unless the earlier version's script sets its own.
  if (current.previousCertificate && !script?.includes(' ssl-certificate=')) {
    const profile = `[find name=${rscValue('hotspot profile', facts.profile, 'name')}]`;
    await conn.run(`/ip hotspot profile set ${profile} ssl-certificate=${rscValue('ssl-certificate', current.previousCertificate, 'name')}`);
  }
  return { status: 'rolled back', folder: previous };
}

async function readText(conn: RouterConnection, path: string): Promise<string | undefined> {
  return (await conn.read(path))?.toString('utf8');
}

/**
 * Deploys to every router, at most `concurrency` at a time; one router's failure never stops the others.
 * The bundle is read and checked once for all of them: every router gets the same bytes.
 */
export async function deployFleet(targets: RouterTarget[], job: DeployJob, concurrency = 4): Promise<RouterResult[]> {
  const shared: DeployJob = { ...job, bundle: job.bundle ?? new BundleFiles(job.distDir) };
  const results: RouterResult[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      results[i] = await deployRouter(targets[i]!, shared);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, targets.length)) }, worker));
  return results;
}
