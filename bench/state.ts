// Where the benchmark keeps Terraform's state, per backend: the work dir's configuration (backend.tf),
// `terraform init`, and reading, dropping and writing a scenario's state between commands.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTerraform, tail } from './runner';
import { startStateServer, type StateServer, type StateServerStats } from './state-server';
import type { Options, StateBackend } from './types';

/** The HTTP state backend, started once per bench process when --backend http. */
let stateServer: StateServer | null = null;

export async function startHttpState(): Promise<StateServer> {
  stateServer = await startStateServer();
  return stateServer;
}
export async function stopHttpState(): Promise<void> {
  await stateServer?.close();
  stateServer = null;
}

/** Managed resource instances in a state (JSON text); 0 when there is none. */
export function countStateObjects(stateJson: string | undefined): number {
  if (!stateJson) return 0;
  const st = JSON.parse(stateJson) as { resources?: { mode: string; instances: unknown[] }[] };
  return (st.resources ?? []).filter((r) => r.mode === 'managed').reduce((n, r) => n + r.instances.length, 0);
}

export function server(): StateServer {
  if (!stateServer) throw new Error('the HTTP state server is not running');
  return stateServer;
}

/** The current state of a work dir: the state server's copy (http) or terraform.tfstate (local). */
export function readState(backend: StateBackend, workDir: string, stateName: string): string | undefined {
  if (backend === 'http') return server().get(stateName);
  const p = path.join(workDir, 'terraform.tfstate');
  return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
}

/** "Apply from empty": drop the state (the server's, or terraform.tfstate and its backup). */
export function clearState(backend: StateBackend, workDir: string, stateName: string): void {
  if (backend === 'http') server().reset(stateName);
  else for (const f of ['terraform.tfstate', 'terraform.tfstate.backup']) fs.rmSync(path.join(workDir, f), { force: true });
}

export function writeState(backend: StateBackend, workDir: string, stateName: string, json: string): void {
  if (backend === 'http') {
    server().reset(stateName);
    server().put(stateName, json);
  } else fs.writeFileSync(path.join(workDir, 'terraform.tfstate'), json);
}

/** main.tf and terraform.tfvars, and for the http backend backend.tf with an empty `backend "http" {}`. */
export function writeConfig(dir: string, hcl: string, tfvars: string, backend: StateBackend): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'main.tf'), hcl);
  fs.writeFileSync(path.join(dir, 'terraform.tfvars'), tfvars);
  const backendTf = path.join(dir, 'backend.tf');
  // address, lock_address and unlock_address come from `terraform init -backend-config=...`.
  if (backend === 'http') fs.writeFileSync(backendTf, 'terraform {\n  backend "http" {}\n}\n');
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
  const args = ['init', '-input=false', '-no-color', ...(backend === 'http' ? server().backendConfigArgs(stateName) : [])];
  const r = await runTerraform(args, dir, env, opts.commandTimeoutMs, scratch);
  if (r.code !== 0) throw new Error(`terraform init failed in ${dir}:\n${tail(r.stdout)}\n${tail(r.stderr)}`);
  return r.wallMs;
}

export function addStateStats(a: StateServerStats | undefined, b: StateServerStats): StateServerStats {
  if (!a) return b;
  const add = (x: Record<string, number>, y: Record<string, number>) => {
    const out = { ...x };
    for (const [k, v] of Object.entries(y)) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  return {
    requests: add(a.requests, b.requests),
    byStatus: add(a.byStatus, b.byStatus),
    uploads: a.uploads + b.uploads,
    uploadBytes: a.uploadBytes + b.uploadBytes,
    lastUploadBytes: b.lastUploadBytes || a.lastUploadBytes,
    handlerMs: a.handlerMs + b.handlerMs,
  };
}

/** Terraform's interval between intermediate state snapshots of remote backends (internal/command/meta.go). */
export function statePersistIntervalS(): number {
  const v = Number(process.env.TF_STATE_PERSIST_INTERVAL);
  return Number.isInteger(v) && v > 20 ? v : 20;
}
