/**
 * What a technician sees: progress as one live line per router on a terminal, plain lines otherwise
 * (logs, CI), the results table, and the two questions a deploy may ask (password, new host key).
 */
import { createInterface } from 'node:readline';
import type { DeployEvent, RouterResult } from './deploy.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function progressPrinter(out: NodeJS.WritableStream, tty: boolean): (e: DeployEvent) => void {
  let live = false;
  return (e) => {
    if (e.kind === 'upload') {
      if (tty) {
        out.write(`\r\x1b[2K${e.router}: uploading ${e.filesDone}/${e.filesTotal} files, ${kb(e.bytesDone)} of ${kb(e.bytesTotal)}`);
        live = true;
        if (e.filesDone === e.filesTotal) {
          out.write('\n');
          live = false;
        }
      } else if (e.filesDone === e.filesTotal || e.filesDone % 10 === 0) {
        out.write(`${e.router}: uploaded ${e.filesDone}/${e.filesTotal} files, ${kb(e.bytesDone)} of ${kb(e.bytesTotal)}\n`);
      }
      return;
    }
    if (live) {
      out.write('\n');
      live = false;
    }
    out.write(`${e.router}: ${e.message}\n`);
  };
}

export function resultsTable(results: RouterResult[]): string {
  const rows = results.map((r) => [
    r.router,
    r.ok ? r.status : 'FAILED',
    r.ok ? (r.folder ?? '') : (r.error ?? ''),
    r.ok ? `${r.uploadedFiles} files, ${kb(r.uploadedBytes)}${r.copiedFiles ? ` (+${r.copiedFiles} copied on the router)` : ''}` : '',
    `${(r.ms / 1000).toFixed(1)} s`,
  ]);
  const head = ['router', 'result', 'pages / error', 'uploaded', 'time'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.filter((r) => !(i === 2 && r[1] === 'FAILED')).map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map((r) => (r[1] === 'FAILED' ? `${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]}` : line(r)))].join(
    '\n',
  );
}

/** Asks for a secret on the terminal without echoing it. */
export function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(question)) write(s);
      else if (s.includes('\n') || s.includes('\r')) write('\n');
    };
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}

export function askYesNo(question: string): Promise<boolean> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    rl.question(`${question} [y/N] `, (a) => {
      rl.close();
      resolve(/^y(es)?$/i.test(a.trim()));
    });
  });
}
