/**
 * Reading the hotspot html directory: page lookup with language subdirectories (fact sheet §1.4),
 * parsed templates cached until the file changes (so a designer's edit shows on the next request),
 * and errors.txt per directory.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UserError } from '../../lib/errors.ts';
import { parseErrorsTxt, parseTemplate, type ErrorsTxt, type Template } from '../engine/index.ts';
import { isSubstituted } from './mime.ts';

interface Cached<T> {
  key: string;
  value: T;
}

export class HtmlDir {
  private readonly templates = new Map<string, Cached<Template>>();
  private readonly errorFiles = new Map<string, Cached<ErrorsTxt>>();

  /** How errors name the directory: relative to the working directory when inside it. */
  private readonly label: string;

  constructor(readonly root: string) {
    const rel = relative(process.cwd(), root);
    this.label = rel && !rel.startsWith('..') ? rel.split(sep).join('/') : root;
  }

  private display(relPath: string): string {
    return `${this.label}/${relPath}`;
  }

  /** The absolute path of a file inside the directory, or undefined for anything that escapes it. */
  resolve(relPath: string): string | undefined {
    const abs = resolve(this.root, '.' + sep + relPath);
    const rel = relative(this.root, abs);
    if (rel.startsWith('..') || resolve(this.root, rel) !== abs) return undefined;
    return abs;
  }

  async isFile(relPath: string): Promise<boolean> {
    const abs = this.resolve(relPath);
    if (!abs) return false;
    try {
      return (await stat(abs)).isFile();
    } catch {
      return false;
    }
  }

  /**
   * Is `name` a subdirectory holding a page set (`lv`, `xml`, …)? One with at least one .html page or an
   * errors.txt (missing pages come from the main directory); an asset folder such as `css` is not, so
   * `/css/` is a file path, not a language.
   */
  isPageSet(name: string): boolean {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) return false;
    try {
      return readdirSync(join(this.root, name)).some((f) => /\.html?$/i.test(f) || f === 'errors.txt');
    } catch {
      return false;
    }
  }

  /** A page from the chosen subdirectory, else from the main directory (HTML pages fall back, §1.4). */
  async findPage(targetDir: string, page: string): Promise<string | undefined> {
    if (targetDir && (await this.isFile(targetDir + page))) return targetDir + page;
    return (await this.isFile(page)) ? page : undefined;
  }

  async template(relPath: string): Promise<Template> {
    const abs = this.resolve(relPath)!;
    return this.cached(this.templates, abs, (text) => parseTemplate(text, this.display(relPath)));
  }

  async readRaw(relPath: string): Promise<Buffer> {
    return readFile(this.resolve(relPath)!);
  }

  /** errors.txt of the subdirectory, else of the main directory, else none. */
  async errorsTxt(targetDir: string): Promise<ErrorsTxt | undefined> {
    const rel = await this.findPage(targetDir, 'errors.txt');
    if (!rel) return undefined;
    return this.cached(this.errorFiles, this.resolve(rel)!, (text) => parseErrorsTxt(text, this.display(rel)));
  }

  private async cached<T>(cache: Map<string, Cached<T>>, abs: string, parse: (text: string) => T): Promise<T> {
    const st = await stat(abs);
    const key = `${st.mtimeMs}:${st.size}`;
    const hit = cache.get(abs);
    if (hit && hit.key === key) return hit.value;
    const value = parse(await readFile(abs, 'utf8'));
    cache.set(abs, { key, value });
    return value;
  }

  /**
   * Parses every substituted file once, so a malformed page stops the router at start-up with the
   * file and line rather than on some guest's request.
   */
  async checkAll(): Promise<number> {
    let st;
    try {
      st = await stat(this.root);
    } catch {
      throw new UserError(
        `The html directory ${this.root} does not exist: build the portal first (npm run build) or pass --html-dir with an existing folder.`,
      );
    }
    if (!st.isDirectory()) throw new UserError(`${this.root} is a file, not a directory: pass --html-dir with the folder that holds login.html.`);
    let count = 0;
    for (const rel of await listFiles(this.root)) {
      if (!isSubstituted(rel)) continue;
      if (/(^|\/)errors\.txt$/.test(rel)) await this.errorsTxt(rel.slice(0, -'errors.txt'.length));
      else await this.template(rel);
      count++;
    }
    return count;
  }
}

/** Every file below a folder, as `/`-separated relative paths. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) await walk(abs);
      else if (entry.isFile()) out.push(relative(root, abs).split(sep).join('/'));
    }
  };
  await walk(root);
  return out.sort();
}
