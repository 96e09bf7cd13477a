// `portsip drift`: the nightly drift check. Runs `terraform plan -refresh-only` in a working
// directory (or reads `terraform show -json` output), and reports the objects whose values on the
// PBX differ from the state, attribute by attribute, read from the plan's `resource_drift`.
// Exit 0: no drift; 2: drift; 1: error (terraform failed, bad input): never a false "no drift".
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Command, Option } from 'commander';
import { driftReport, driftSummary, type DriftReport } from './report/drift';
import { blockOf, scanResourceBlocks } from './report/locate';
import { destinations, parseFormats, writeOutputs } from './report/outputs';
import { parsePlanJson, type PlanJson } from './report/plan-json';
import { renderDriftJson } from './report/render/json';
import { renderDriftJunit } from './report/render/junit';
import { renderDriftMarkdown } from './report/render/markdown';
import { renderDriftSarif } from './report/render/sarif';
import { renderDriftText } from './report/render/text';
import { errorSummary, runTerraform } from './report/terraform';
import { packageVersion } from './provider-install';

export const DRIFT_FORMATS = ['text', 'markdown', 'json', 'sarif', 'junit'] as const;
export type DriftFormat = (typeof DRIFT_FORMATS)[number];

export const EXIT = { ok: 0, error: 1, drift: 2, guard: 3 } as const;

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const processIo = (): Io => ({
  cwd: process.cwd(),
  env: process.env,
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});

export interface DriftFlags {
  dir?: string;
  planJson?: string;
  format: string[];
  out?: string[];
  outDir?: string;
  terraform: string;
  init?: boolean;
}

/** Reads a `terraform show -json` document from a file ('-': stdin). */
export function readPlanJsonFile(file: string, cwd: string): PlanJson {
  const p = file === '-' ? 0 : path.resolve(cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(p, 'utf8');
  } catch (e) {
    throw new Error(`cannot read --plan-json ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  return parsePlanJson(text, file === '-' ? 'stdin' : file);
}

/** A directory that exists, or a clear error. */
export function workingDir(dir: string | undefined, cwd: string): string {
  const d = path.resolve(cwd, dir ?? '.');
  if (!fs.existsSync(d) || !fs.statSync(d).isDirectory()) throw new Error(`--dir ${dir}: no such directory (${d})`);
  return d;
}

/** `terraform show -json PLANFILE` in `dir`, parsed. */
export async function showPlanJson(
  bin: string,
  dir: string,
  planFile: string,
  env: NodeJS.ProcessEnv,
  label = planFile,
): Promise<PlanJson> {
  const r = await runTerraform(bin, ['show', '-json', '-no-color', planFile], dir, env);
  if (r.code !== 0)
    throw new Error(`terraform show -json ${label} failed (exit ${r.code}) in ${dir}: ${errorSummary(r.stderr + '\n' + r.stdout)}`);
  return parsePlanJson(r.stdout, `terraform show -json ${path.basename(planFile)}`);
}

async function refreshOnlyPlan(f: DriftFlags, dir: string, io: Io): Promise<PlanJson> {
  // A drift check must see tenants' dealer links even where dealer_id is not configured
  // (README "tenant_dealer_reads"); an explicit provider attribute still wins over this.
  const env = { ...io.env, PORTSIP_TENANT_DEALER_READS: 'all', TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
  if (f.init) {
    const r = await runTerraform(f.terraform, ['init', '-input=false', '-no-color'], dir, env);
    if (r.code !== 0) throw new Error(`terraform init failed (exit ${r.code}) in ${dir}: ${errorSummary(r.stderr + '\n' + r.stdout)}`);
  }
  // The plan file holds state values (secrets included): a private temp dir, removed afterwards.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portsip-drift-'));
  const planFile = path.join(tmp, 'drift.tfplan');
  try {
    // -lock=false: a read-only check must neither wait for nor block an apply. The exit code is
    // read only as success or failure: whether anything drifted comes from the plan's values.
    const r = await runTerraform(
      f.terraform,
      ['plan', '-refresh-only', '-input=false', '-no-color', '-lock=false', `-out=${planFile}`],
      dir,
      env,
    );
    if (r.code !== 0)
      throw new Error(`terraform plan -refresh-only failed (exit ${r.code}) in ${dir}: ${errorSummary(r.stderr + '\n' + r.stdout)}`);
    return await showPlanJson(f.terraform, dir, planFile, env);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function renderDrift(format: DriftFormat, r: DriftReport, sarifWorkDir: string): string {
  switch (format) {
    case 'text':
      return renderDriftText(r);
    case 'markdown':
      return renderDriftMarkdown(r);
    case 'json':
      return renderDriftJson(r);
    case 'sarif':
      return renderDriftSarif(r, { toolVersion: packageVersion(), workDir: sarifWorkDir });
    case 'junit':
      return renderDriftJunit(r);
  }
}

/** The whole command; returns the exit code. */
export async function runDrift(f: DriftFlags, io: Io): Promise<number> {
  try {
    const formats = parseFormats(f.format, DRIFT_FORMATS);
    const dests = destinations(formats, f.out ?? [], f.outDir, 'drift');
    const dir = workingDir(f.dir, io.cwd);
    const plan = f.planJson ? readPlanJsonFile(f.planJson, io.cwd) : await refreshOnlyPlan(f, dir, io);
    const report = driftReport(plan);
    const blocks = scanResourceBlocks(dir, io.cwd);
    for (const d of report.drifted) {
      const b = blockOf(d.address);
      const src = b ? blocks.get(b) : undefined;
      if (src) d.source = src;
    }
    if (report.objects.length === 0)
      io.stderr('portsip drift: warning: the state holds no managed objects; is this the right working directory and backend?\n');
    const rel = path.relative(io.cwd, dir).split(path.sep).join('/');
    writeOutputs(dests, (fmt) => renderDrift(fmt, report, rel), io.stdout);
    if (dests.every((d) => d.file)) io.stderr(`${driftSummary(report)} Reports: ${dests.map((d) => d.file).join(', ')}\n`);
    return report.drifted.length ? EXIT.drift : EXIT.ok;
  } catch (e) {
    io.stderr(`portsip drift: error: ${(e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ')}\n`);
    return EXIT.error;
  }
}

const collect = (v: string, prev: string[] | undefined) => [...(prev ?? []), v];

export const DRIFT_HELP = `
Formats (--format, comma-separated; default text):
  text      a summary line and one line per changed attribute: value in state -> on the PBX
  markdown  for a pull-request comment or $GITHUB_STEP_SUMMARY: summary, a table per type
  json      machine-readable (schema "portsip-drift/v1")
  sarif     SARIF 2.1.0 for code scanning: one result per changed attribute, at the resource block
  junit     JUnit XML: a test suite per type, a test case per managed object, failed where drifted

Outputs: each --out FILE takes the format at the same position in --format ("-" = stdout);
formats without an --out go to --out-dir DIR as portsip-drift.{txt,md,json,sarif,xml}, else to
stdout (one format at most). Sensitive and write-only values always print as (sensitive).

Exit codes:
  0  no drift: every managed object on the PBX matches the state
  2  drift: an object changed or was deleted outside Terraform
  1  error: terraform failed (credentials, network, configuration) or bad input;
     one line on stderr says why. Never reported as "no drift".

Terraform runs in the working directory with your environment (provider settings, backend,
TF_CLI_CONFIG_FILE) plus PORTSIP_TENANT_DEALER_READS=all. Whether something drifted is read
from the plan's values, never from terraform's exit code.

Examples:
  portsip drift --dir infra
  portsip drift --format markdown,sarif,junit --out-dir reports
  portsip drift --format text,json --out - --out drift.json
  terraform show -json drift.tfplan > plan.json && portsip drift --plan-json plan.json
`;

export function registerDriftCommand(program: Command): Command {
  return program
    .command('drift')
    .description('report objects changed on the PBX outside Terraform (runs terraform plan -refresh-only)')
    .option('--dir <dir>', 'Terraform working directory (default: the current one)')
    .option('--plan-json <file>', 'read `terraform show -json` output of a refresh-only plan instead of running terraform ("-": stdin)')
    .addOption(new Option('--format <formats>', 'text|markdown|json|sarif|junit, comma-separated').argParser(collect).default([], 'text'))
    .addOption(new Option('--out <file>', 'output file for the format at the same position (repeatable; "-": stdout)').argParser(collect))
    .option('--out-dir <dir>', 'directory for the formats without an --out')
    .option('--terraform <path>', 'terraform executable', 'terraform')
    .option('--init', 'run `terraform init -input=false` first')
    .addHelpText('after', DRIFT_HELP)
    .action(async (f: DriftFlags) => {
      process.exitCode = await runDrift(f, processIo());
    });
}
