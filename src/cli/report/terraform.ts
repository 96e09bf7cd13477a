// Runs the terraform binary for the drift and guard commands, and condenses a failure into one
// line: the first error's summary and detail, plus how many more there were.
import { spawn } from 'node:child_process';

export interface TfRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runTerraform(bin: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<TfRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        new Error(
          e.code === 'ENOENT' ? `terraform not found: "${bin}" is not on PATH (use --terraform PATH)` : `cannot run ${bin}: ${e.message}`,
        ),
      ),
    );
    child.on('close', (code, signal) =>
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

/**
 * Terraform's diagnostics (with -no-color) look like
 *   Error: Cannot read portsip_dealer "x"
 *
 *     with portsip_dealer.d,
 *     on main.tf line 13, in resource "portsip_dealer" "d":
 *     13: resource "portsip_dealer" "d" {
 *
 *   POST /auth/sign_in: HTTP 400 UNAUTHORIZED: Login failed, ...
 * Keep the first summary and its detail paragraph, on one line.
 */
export function errorSummary(output: string): string {
  const lines = output.replace(/\r/g, '').split('\n');
  const starts = lines.flatMap((l, i) => (/^\s*[│╷]?\s*Error: /.test(l) ? [i] : []));
  if (starts.length === 0) {
    const last = lines.map((l) => l.trim()).filter(Boolean);
    return last.slice(-3).join(' ') || 'no error message';
  }
  const clean = (l: string) => l.replace(/^\s*[│╷╵]\s?/, '');
  const first = starts[0]!;
  const summary = clean(lines[first]!)
    .replace(/^\s*Error: /, '')
    .trim();
  const detail: string[] = [];
  let i = first + 1;
  // Skip the blank line and the indented context ("with", "on", the source excerpt).
  while (i < lines.length && (clean(lines[i]!).trim() === '' || /^\s{2,}/.test(clean(lines[i]!)))) {
    if (starts.includes(i)) break;
    i++;
  }
  for (; i < lines.length && !starts.includes(i); i++) {
    const l = clean(lines[i]!).trim();
    if (!l) break;
    detail.push(l);
  }
  const more = starts.length > 1 ? ` (and ${starts.length - 1} more error${starts.length === 2 ? '' : 's'})` : '';
  return `${summary}${detail.length ? `: ${detail.join(' ')}` : ''}${more}`;
}
