// One terraform command, timed: wall time here, CPU and peak RSS of terraform and its providers
// through GNU time (/usr/bin/time; null where there is none). Shared by the scale benchmark
// (bench/run.ts) and the floor comparison (bench/floor.ts).

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

export interface SpawnResult {
  code: number;
  stdout: string;
  stderr: string;
  wallMs: number;
  cpuUserMs: number | null;
  cpuSysMs: number | null;
  maxRssKb: number | null;
}

export interface RunHooks {
  /** The running child (in its own process group), then null when it has ended. */
  onChild?(child: ChildProcess | null): void;
  /** Called when `timeoutMs` has passed; it should kill the command. */
  onTimeout?(): void;
}

/** Runs terraform with `args`; GNU time writes its figures into `scratch`/time.txt. */
export function runTerraform(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  scratch: string,
  hooks: RunHooks = {},
): Promise<SpawnResult> {
  const timeFile = path.join(scratch, 'time.txt');
  fs.rmSync(timeFile, { force: true });
  const [cmd, cmdArgs] = GNU_TIME ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, 'terraform', ...args]] : ['terraform', args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, cmdArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    hooks.onChild?.(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => hooks.onTimeout?.(), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      hooks.onChild?.(null);
      reject(e);
    });
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - t0;
      clearTimeout(timer);
      hooks.onChild?.(null);
      let cpuUserMs: number | null = null;
      let cpuSysMs: number | null = null;
      let maxRssKb: number | null = null;
      if (GNU_TIME && fs.existsSync(timeFile)) {
        // GNU time prepends "Command exited with non-zero status N" on failure: take the last line.
        const lines = fs.readFileSync(timeFile, 'utf8').trim().split('\n');
        const m = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/.exec(lines[lines.length - 1] ?? '');
        if (m) {
          cpuUserMs = Math.round(Number(m[2]) * 1000);
          cpuSysMs = Math.round(Number(m[3]) * 1000);
          maxRssKb = Number(m[4]);
        }
      }
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        wallMs,
        cpuUserMs,
        cpuSysMs,
        maxRssKb,
      });
    });
  });
}
