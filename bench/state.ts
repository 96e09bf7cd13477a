// Where the benchmark keeps Terraform's state, per backend: `pg` (a PostgreSQL server the runner
// starts on loopback, bench/pg.ts) or `local` (terraform.tfstate in the work dir). For each: the work
// dir's backend.tf, `terraform init`, and reading, dropping and writing a state between commands.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findPgBinaries, pgBackendConfigArgs, startPostgres, type PgServer } from './pg';
import { current, log, runTerraform, tail } from './runner';
import type { Options, StateBackend, StateStats } from './types';

/** The PostgreSQL server of the pg backend, started once per bench process. */
let pgServer: PgServer | null = null;

/**
 * Starts PostgreSQL for the pg backend. When its binaries are missing, returns the message that says
 * how to install them (the caller logs it and goes on without the pg backend); any other failure throws.
 */
export async function startPgBackend(): Promise<PgServer | { skipped: string }> {
  const bins = findPgBinaries();
  if ('missing' in bins) return { skipped: bins.missing };
  const server = await startPostgres(bins, log);
  pgServer = server;
  current.cleanups.push(() => server.stop());
  return server;
}

export function stopPgBackend(): void {
  pgServer?.stop();
  pgServer = null;
}

function pg(): PgServer {
  if (!pgServer) throw new Error('the PostgreSQL server of the pg backend is not running');
  return pgServer;
}

/** Managed resource instances in a state (JSON text); 0 when there is none. */
export function countStateObjects(stateJson: string | undefined): number {
  if (!stateJson) return 0;
  const st = JSON.parse(stateJson) as { resources?: { mode: string; instances: unknown[] }[] };
  return (st.resources ?? []).filter((r) => r.mode === 'managed').reduce((n, r) => n + r.instances.length, 0);
}

/** The current state of a work dir: its row in PostgreSQL (pg) or terraform.tfstate (local). */
export function readState(backend: StateBackend, workDir: string, stateName: string): string | undefined {
  if (backend === 'pg') return pg().readState(stateName);
  const p = path.join(workDir, 'terraform.tfstate');
  return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
}

/** "Apply from empty": drop the state (its row in PostgreSQL, or terraform.tfstate and its backup). */
export function clearState(backend: StateBackend, workDir: string, stateName: string): void {
  if (backend === 'pg') pg().clearState(stateName);
  else for (const f of ['terraform.tfstate', 'terraform.tfstate.backup']) fs.rmSync(path.join(workDir, f), { force: true });
}

export function writeState(backend: StateBackend, workDir: string, stateName: string, json: string): void {
  if (backend === 'pg') pg().writeState(stateName, json);
  else fs.writeFileSync(path.join(workDir, 'terraform.tfstate'), json);
}

/** State writes so far (pg: PostgreSQL's row counts of the state's table; local: not counted). */
export function stateWrites(backend: StateBackend, stateName: string): number | undefined {
  return backend === 'pg' ? pg().writes(stateName) : undefined;
}

/**
 * The state writes of a command: the difference of the counts before and after it. A PostgreSQL
 * session reports its table counts when it ends, and Terraform's session ends as terraform exits,
 * so the count is read again until it stops moving (at most ~1 s).
 */
export async function stateStatsSince(
  backend: StateBackend,
  stateName: string,
  before: number | undefined,
): Promise<StateStats | undefined> {
  if (backend !== 'pg' || before === undefined) return undefined;
  let last = NaN;
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const now = pg().writes(stateName);
    if (now === last) break;
    last = now;
  }
  return { uploads: last - before };
}

export function addStateStats(a: StateStats | undefined, b: StateStats | undefined): StateStats | undefined {
  if (!a || !b) return a ?? b;
  return { uploads: a.uploads + b.uploads };
}

/** main.tf and terraform.tfvars, and for the pg backend backend.tf with an empty `backend "pg" {}`. */
export function writeConfig(dir: string, hcl: string, tfvars: string, backend: StateBackend): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'main.tf'), hcl);
  fs.writeFileSync(path.join(dir, 'terraform.tfvars'), tfvars);
  const backendTf = path.join(dir, 'backend.tf');
  // conn_str and schema_name come from `terraform init -backend-config=...` (a partial configuration,
  // as Terraform's documentation advises for a conn_str that usually holds a password).
  if (backend === 'pg') fs.writeFileSync(backendTf, 'terraform {\n  backend "pg" {}\n}\n');
  else fs.rmSync(backendTf, { force: true });
}

export async function terraformInit(
  dir: string,
  env: Record<string, string>,
  backend: StateBackend,
  stateName: string,
  opts: Options,
  scratch: string,
): Promise<number> {
  const args = ['init', '-input=false', '-no-color', ...(backend === 'pg' ? pgBackendConfigArgs(pg().connStr, stateName) : [])];
  const r = await runTerraform(args, dir, env, opts.commandTimeoutMs, scratch);
  if (r.code !== 0) throw new Error(`terraform init failed in ${dir}:\n${tail(r.stdout)}\n${tail(r.stderr)}`);
  return r.wallMs;
}

/** Terraform's interval between intermediate state snapshots of remote backends (internal/command/meta.go). */
export function statePersistIntervalS(): number {
  const v = Number(process.env.TF_STATE_PERSIST_INTERVAL);
  return Number.isInteger(v) && v > 20 ? v : 20;
}
