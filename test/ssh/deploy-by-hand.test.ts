/**
 * What a deploy does, by hand, against the virtual router: upload a page set over SFTP, point the
 * hotspot profile at it over SSH exec, and the servlet serves the new pages under the new login-by
 * at once. v7 with flash/ (html-directory-override) and v6 without (html-directory).
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVirtualRouter, type VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { Device } from '../support/hotspot-client.ts';
import { ADMIN, sftpClient, sshExec } from '../support/ssh.ts';

const CLASSIC = resolve('test/fixtures/classic');
const PORTAL_LOGIN = [
  '<!doctype html><title>Portal X</title>',
  '<form action="$(link-login-only)" method="post">',
  '$(if chap-id)<input type="hidden" name="chap" value="yes">$(else)<input type="hidden" name="plain" value="yes">$(endif)',
  '</form>',
].join('\n');

let temp: string;
const routers: VirtualRouter[] = [];
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'vr-deploy-'));
});
afterAll(async () => {
  await Promise.all(routers.map((r) => r.close()));
  await rm(temp, { recursive: true, force: true });
});

/** A router whose store holds the classic pages in its default folder. */
async function router(version: string, flash: boolean): Promise<VirtualRouter> {
  const store = join(temp, `store-${version}`);
  const pages = join(store, flash ? 'flash/hotspot' : 'hotspot');
  await mkdir(pages, { recursive: true });
  await cp(CLASSIC, pages, { recursive: true });
  const vr = await startVirtualRouter({
    storageDir: store,
    flash,
    ssh: { admin: ADMIN },
    config: { version, 'ip/hotspot/user': [{ name: 'alice', password: 'secret' }] },
  });
  routers.push(vr);
  return vr;
}

async function upload(vr: VirtualRouter, folder: string): Promise<void> {
  const sftp = await sftpClient({ port: vr.sshPort });
  try {
    await sftp.mkdir(folder, true);
    await sftp.put(Buffer.from(PORTAL_LOGIN), `${folder}/login.html`);
  } finally {
    await sftp.end();
  }
}

describe('after a deploy the servlet serves the new pages', () => {
  it('v7 with flash/: html-directory-override', async () => {
    const vr = await router('7.19.4', true);
    const guest = new Device(vr.url, '02:00:00:00:20:01');
    expect((await guest.get('/login')).body).toContain('<title>mikrotik hotspot > login</title>');
    expect(vr.htmlDir().root).toBe(join(vr.files!.root, 'flash/hotspot'));

    await upload(vr, '/flash/portal-x');
    const r = await sshExec(
      { port: vr.sshPort },
      '/ip hotspot profile set [find name=hsprof1] html-directory-override=flash/portal-x login-by=http-pap',
    );
    expect(r.stdout).toBe('');

    const page = await guest.get('/login');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Portal X</title>');
    expect(page.body).toContain(`action="${vr.url}/login"`);
    expect(page.body).toContain('name="plain"');
    expect(page.body).not.toContain('$(');
  });

  it('v6 without flash/: html-directory', async () => {
    const vr = await router('6.49.13', false);
    const guest = new Device(vr.url, '02:00:00:00:20:02');
    expect((await guest.get('/login')).body).toContain('<title>mikrotik hotspot > login</title>');

    await upload(vr, 'portal-y');
    const refused = await sshExec({ port: vr.sshPort }, '/ip hotspot profile set [find name=hsprof1] html-directory-override=portal-y');
    expect(refused.stdout).toBe('expected end of command (line 1 column 45)\r\n');
    expect((await guest.get('/login')).body).toContain('<title>mikrotik hotspot > login</title>');

    const r = await sshExec({ port: vr.sshPort }, '/ip hotspot profile set [find name=hsprof1] html-directory=portal-y login-by=http-chap');
    expect(r.stdout).toBe('');
    const page = await guest.get('/login');
    expect(page.body).toContain('<title>Portal X</title>');
    expect(page.body).toContain('name="chap"');
  });
});

describe('the servlet stays inside the file store', () => {
  it('an html directory that climbs out of the store serves nothing', async () => {
    const store = join(temp, 'store-outside');
    await mkdir(join(store, 'hotspot'), { recursive: true });
    await cp(CLASSIC, join(store, 'hotspot'), { recursive: true });
    await cp(CLASSIC, join(temp, 'beside-the-store'), { recursive: true });
    const r = await startVirtualRouter({ storageDir: store, ssh: { admin: ADMIN } });
    routers.push(r);
    const guest = new Device(r.url, '02:00:00:00:20:09');
    expect((await guest.get('/login')).status).toBe(200);
    await sshExec({ port: r.sshPort }, '/ip hotspot profile set [find name=hsprof1] html-directory-override=../beside-the-store');
    expect((await guest.get('/login')).status).toBe(404);
    expect((await guest.get('/md5.js')).status).toBe(404);
  });
});
