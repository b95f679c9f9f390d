/**
 * Shared set-up of the deploy tests: a copy of the portal built once per test run, virtual routers
 * with SSH on loopback whose file store holds RouterOS's default pages, and connection options with a
 * throwaway known-hosts file.
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import example from '../../portal.config.ts';
import { validateConfig, type PortalConfigInput } from '../../tools/config/index.ts';
import type { ConnectOptions } from '../../tools/deploy/connection.ts';
import type { DeployJob } from '../../tools/deploy/deploy.ts';
import { KnownHosts } from '../../tools/deploy/known-hosts.ts';
import { buildManifest } from '../../tools/deploy/manifest.ts';
import { deploySettings } from '../../tools/deploy/settings.ts';
import type { RouterConfigInput } from '../../tools/routeros/config.ts';
import { startVirtualRouter, type VirtualRouter, type VirtualRouterOptions } from '../../tools/routeros/virtual-router.ts';
import { copyOfBuiltPortal } from '../support/built-portal.ts';

export const ADMIN = { name: 'admin', password: 'router-pw' };
const CLASSIC = resolve('test/fixtures/classic');

export class DeployLab {
  readonly routers: VirtualRouter[] = [];
  private constructor(readonly dir: string) {}

  static async create(): Promise<DeployLab> {
    return new DeployLab(await mkdtemp(join(tmpdir(), 'hs-deploy-')));
  }

  /** The portal built from `config`, copied into a folder of its own (tests may change it); returns the folder. */
  build(name: string, config: PortalConfigInput = example): Promise<string> {
    return copyOfBuiltPortal(join(this.dir, `dist-${name}`), config);
  }

  /** A router as the HotSpot wizard leaves it: default pages in (flash/)hotspot, one server and profile. */
  async router(
    name: string,
    o: { version?: string; flash?: boolean; config?: RouterConfigInput } & Partial<VirtualRouterOptions> = {},
  ): Promise<VirtualRouter> {
    const store = join(this.dir, `store-${name}`);
    const pages = join(store, o.flash ? 'flash/hotspot' : 'hotspot');
    await mkdir(pages, { recursive: true });
    await cp(CLASSIC, pages, { recursive: true });
    const { version = '7.19.4', config = {}, ...rest } = o;
    const vr = await startVirtualRouter({
      ...rest,
      storageDir: store,
      ssh: { admin: ADMIN, hostKeyFile: join(this.dir, `key-${name}`), ...rest.ssh },
      config: { 'ip/hotspot/user': [{ name: 'alice', password: 'secret' }], ...config, version },
    });
    this.routers.push(vr);
    return vr;
  }

  private knownHostsFiles = 0;

  /**
   * Connection options; without `knownHostsFile`, a known-hosts file of their own (new keys are
   * trusted), so deploys running at the same time never read a file another one is writing.
   */
  connect(over: Partial<ConnectOptions> = {}, knownHostsFile = join(this.dir, `known-hosts-${++this.knownHostsFiles}`)): Promise<ConnectOptions> {
    return KnownHosts.load(knownHostsFile).then((knownHosts) => ({
      credentials: { user: ADMIN.name, password: ADMIN.password },
      knownHosts,
      trustNewHost: true,
      timeoutMs: 5000,
      ...over,
    }));
  }

  async job(
    distDir: string,
    mode: DeployJob['mode'] = 'deploy',
    config: PortalConfigInput = example,
    connect?: ConnectOptions,
    env: NodeJS.ProcessEnv = {},
  ): Promise<DeployJob> {
    return {
      distDir,
      manifest: await buildManifest(distDir),
      settings: deploySettings(validateConfig(config), env),
      connect: connect ?? (await this.connect()),
      mode,
    };
  }

  async dispose(): Promise<void> {
    await Promise.all(this.routers.map((r) => r.close()));
    await rm(this.dir, { recursive: true, force: true });
  }
}

export const target = (vr: VirtualRouter) => ({ host: '127.0.0.1', port: vr.sshPort, label: `127.0.0.1:${vr.sshPort}` });
