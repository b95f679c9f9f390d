/**
 * The RouterOS config script a deploy imports: the router model's rows (tools/router-model/), rendered
 * by templates/router/deploy.rsc.hbs. Every value is checked for its shape and written as an escaped
 * RouterOS string before it reaches the template (which inserts it raw with {{{…}}}: Handlebars' HTML
 * escaping is wrong for .rsc).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { RouterModel, Setting } from '../router-model/router-model.ts';
import { rscValue } from './rsc.ts';
import type { DeploySettings } from './settings.ts';

const TEMPLATE = fileURLToPath(new URL('../../templates/router/deploy.rsc.hbs', import.meta.url));
let compiled: Handlebars.TemplateDelegate | undefined;

export interface ScriptTarget {
  /** Folder of the new pages, as the profile names it (`flash/acme-1a2b3c4d5e6f`). */
  folder: string;
  bundle: string;
  /** RouterOS 7 has html-directory-override; 6.x only html-directory (fact sheet §8.1, §8.4). */
  v7: boolean;
}

export const MASK = '********';

/**
 * The commands that set secrets (the mac-auth-password, the RADIUS secret of this portal's `/radius`
 * entries), each sent over SSH exec on its own so that a secret is never written into a file on the
 * router or the computer; `masked` shows ******** instead (dry-run, logs).
 */
export function secretCommands(s: DeploySettings, profile: string, tag: string, masked: boolean): string[] {
  const value = (field: string, secret: string) => (masked ? `"${MASK}"` : rscValue(field, secret, 'secret'));
  const out: string[] = [];
  if (s.macAuthPassword && s.loginBy.includes('mac')) {
    out.push(
      `/ip hotspot profile set [find name=${rscValue('hotspot profile', profile, 'name')}] mac-auth-password=${value('MAC_AUTH_PASSWORD', s.macAuthPassword)}`,
    );
  }
  if (s.radiusSecret)
    out.push(`/radius set [find comment=${rscValue('walled-garden tag', tag, 'comment')}] secret=${value('the RADIUS secret', s.radiusSecret)}`);
  return out;
}

interface Command {
  why?: string;
  /** A whole line, written as it is (the `:if` that adds a missing entry). */
  line?: string;
  menu: string;
  verb: string;
  args: Array<{ name: string; value: string }>;
}

/** `ip/hotspot/walled-garden/ip` → `/ip hotspot walled-garden ip` (the form v6 and v7 both take). */
const menuOf = (path: string) => `/${path.split('/').join(' ')}`;

const args = (props: Partial<Record<string, Setting>>) =>
  Object.entries(props).map(([name, s]) => ({ name, value: rscValue(s!.from, s!.value, s!.shape) }));

/** Renders the script. It holds no secret (see secretCommand), so it can be kept on the router for rollback. */
export function renderDeployScript(model: RouterModel, t: ScriptTarget): string {
  compiled ??= Handlebars.compile(readFileSync(TEMPLATE, 'utf8'), { noEscape: true, strict: true });
  const tag = rscValue('walled-garden tag', model.tag, 'comment');
  const commands: Command[] = [];
  let pagesSet = false;
  for (const c of model.changes) {
    const name = c.name && rscValue(c.name.from, c.name.value, c.name.shape);
    if (name && c.create) {
      const menu = menuOf(c.menu);
      commands.push({
        why: 'Added when the router lacks it, so that the settings below are not silently lost.',
        line: `:if ([:len [${menu} find name=${name}]] = 0) do={ ${menu} add name=${name} }`,
        menu,
        verb: '',
        args: [],
      });
    }
    const verb = name ? `set [find name=${name}]` : 'set';
    const command: Command = { why: c.why, menu: menuOf(c.menu), verb, args: args(c.props) };
    if (c.menu === 'ip/hotspot/profile' && !pagesSet) {
      command.why = 'Pages and login-by change in one command, so guests never meet new pages with old login methods.';
      command.args.unshift({ name: t.v7 ? 'html-directory-override' : 'html-directory', value: rscValue('html directory', t.folder, 'path') });
      pagesSet = true;
    }
    commands.push(command);
  }
  model.owned.forEach((o, i) => {
    const why = i === 0 ? "This portal's own entries, found by their comment: replaced as a whole." : undefined;
    commands.push({ why, menu: menuOf(o.menu), verb: `remove [find comment=${tag}]`, args: [] });
    for (const row of o.rows) commands.push({ menu: menuOf(o.menu), verb: 'add', args: [...args(row), { name: 'comment', value: tag }] });
  });
  return compiled({ portal: rscValue('portal name', model.portal, 'name'), bundle: t.bundle.replace(/[^0-9a-f]/g, ''), commands }).replace(
    /\n{2,}/g,
    '\n',
  );
}
