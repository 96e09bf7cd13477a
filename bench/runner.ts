// The runner's process context, shared by its parts (run.ts, measure.ts, state.ts, export-bench.ts):
// paths and constants, the log, the one terraform child at a time (in its own process group) and the
// current emulator, both stopped on SIGINT / SIGTERM, and the environment of every terraform command.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EmulatorHandle } from '../src/emulator';
import type { ProviderStatsLine } from '../src/provider/stats';
import { runTerraform as runTimed, type SpawnResult } from './terraform-run';

// The bundle runs from .bench/, one level below the repository root.
export const REPO_ROOT = path.resolve(__dirname, '..');
export const BENCH_DIR = path.join(REPO_ROOT, '.bench');
export const PROVIDER_VERSION = '0.1.0';
export const ADMIN_PASSWORD = 'Bench-admin-S3cret';

export const log = (msg: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

/**
 * What an abort must stop: the terraform command in progress, the emulator, and what `cleanups` lists
 * (synchronous: the PostgreSQL server of the pg backend), which also run when the process exits.
 */
export const current: { child: { pid?: number } | null; emulator: EmulatorHandle | null; cleanups: (() => void)[] } = {
  child: null,
  emulator: null,
  cleanups: [],
};

export function runCleanups(): void {
  for (const f of current.cleanups.splice(0).reverse()) {
    try {
      f();
    } catch (e) {
      log(`cleanup failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
process.on('exit', runCleanups);

/** The environment of every terraform command: ours, minus what would change Terraform's behaviour or logging. */
export function terraformEnv(cliConfigFile: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    // PG_CONN_STR / PG_SCHEMA_NAME and libpq's PG* variables would redirect the pg backend.
    if (
      v !== undefined &&
      !/^(TF_LOG|PORTSIP_LOG|TF_PLUGIN_CACHE_DIR|TF_HTTP_|TF_DATA_DIR|TF_WORKSPACE|PG_CONN_STR$|PG_SCHEMA_NAME$|PG_SKIP_|PG[A-Z]+$)/.test(k)
    )
      env[k] = v;
  return Object.assign(env, {
    TF_CLI_CONFIG_FILE: cliConfigFile,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    // The provider's V8 code cache (src/provider/code-cache.ts) in the bench's own folder, not the
    // user's; a PORTSIP_PROVIDER_CODE_CACHE given to the bench (e.g. off, to compare) wins.
    PORTSIP_PROVIDER_CODE_CACHE: process.env.PORTSIP_PROVIDER_CODE_CACHE ?? path.join(path.dirname(cliConfigFile), 'code-cache'),
    PORTSIP_USERNAME: 'admin',
    PORTSIP_PASSWORD: ADMIN_PASSWORD,
  });
}

export function killCurrent(): void {
  if (current.child?.pid) {
    try {
      process.kill(-current.child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    log(`${sig}: stopping`);
    killCurrent();
    runCleanups();
    void (current.emulator?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

/** A terraform command of the benchmark: the one current child, killed (with a log line) after `timeoutMs`. */
export function runTerraform(
  args: string[],
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
  scratch: string,
): Promise<SpawnResult> {
  return runTimed(args, cwd, env, timeoutMs, scratch, {
    onChild: (child) => (current.child = child),
    onTimeout: () => {
      log(`terraform ${args[0]} exceeded ${timeoutMs / 1000} s: killing it`);
      killCurrent();
    },
  });
}

export function readStatsFile(file: string): ProviderStatsLine[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ProviderStatsLine)
    .sort((a, b) => a.started_at - b.started_at);
}

export function tail(s: string, n = 40): string {
  return s.trim().split('\n').slice(-n).join('\n');
}
