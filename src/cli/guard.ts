// `portsip guard`: a safety stop for saved plans. Fails (exit 3) when the plan would delete or
// replace more than a share of the managed objects of any type, or any object of a protected type,
// naming them; `--allow` lets a reviewed plan through and still prints the report.
import * as path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { EXIT, type Io, processIo, readPlanJsonFile, showPlanJson, workingDir } from './drift';
import { GUARD_DEFAULTS, type GuardReport, guardReport } from './report/guard';
import { destinations, parseFormats, writeOutputs } from './report/outputs';
import { renderGuardMarkdown } from './report/render/markdown';
import { renderGuardText } from './report/render/text';

export const GUARD_FORMATS = ['text', 'markdown'] as const;
export type GuardFormat = (typeof GUARD_FORMATS)[number];

export interface GuardFlags {
  plan?: string;
  planJson?: string;
  dir?: string;
  format: string[];
  out?: string[];
  outDir?: string;
  terraform: string;
  maxDeletePercent: number;
  maxReplacePercent: number;
  protect?: string[];
  allow?: boolean;
}

export function percentArg(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100)
      throw new InvalidArgumentError(`${name} must be a number from 0 to 100; got "${v}"`);
    return n;
  };
}

export function protectArg(v: string, prev: string[] | undefined): string[] {
  const types = v
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  for (const t of types) {
    if (!/^[a-z][a-z0-9_]*$/.test(t)) throw new InvalidArgumentError(`--protect takes resource types such as portsip_tenant; got "${t}"`);
  }
  return [...(prev ?? []), ...types];
}

export function renderGuard(format: GuardFormat, r: GuardReport, allowed: boolean): string {
  return format === 'markdown' ? renderGuardMarkdown(r, allowed) : renderGuardText(r, allowed);
}

export async function runGuard(f: GuardFlags, io: Io): Promise<number> {
  try {
    if (!!f.plan === !!f.planJson) throw new Error('give exactly one of --plan PLANFILE (a saved plan) and --plan-json FILE');
    const formats = parseFormats(f.format, GUARD_FORMATS);
    const dests = destinations(formats, f.out ?? [], f.outDir, 'guard');
    const plan = f.planJson
      ? readPlanJsonFile(f.planJson, io.cwd)
      : // The plan file is named relative to where the command runs, like any file argument.
        await showPlanJson(
          f.terraform,
          workingDir(f.dir, io.cwd),
          path.resolve(io.cwd, f.plan!),
          { ...io.env, TF_IN_AUTOMATION: '1' },
          f.plan,
        );
    const report = guardReport(plan, {
      maxDeletePercent: f.maxDeletePercent,
      maxReplacePercent: f.maxReplacePercent,
      protect: f.protect ?? [],
    });
    const allowed = !!f.allow;
    writeOutputs(dests, (fmt) => renderGuard(fmt, report, allowed), io.stdout);
    if (report.violations.length === 0 || allowed) return EXIT.ok;
    io.stderr(`portsip guard: the plan breaks ${report.violations.length} limit(s); review it and rerun with --allow to apply it anyway\n`);
    return EXIT.guard;
  } catch (e) {
    io.stderr(`portsip guard: error: ${(e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ')}\n`);
    return EXIT.error;
  }
}

const collect = (v: string, prev: string[] | undefined) => [...(prev ?? []), v];

export const GUARD_HELP = `
Limits (per resource type; the denominator is the number of objects of that type in the plan's
prior state): a plan fails when it deletes more than --max-delete-percent or replaces more than
--max-replace-percent of them (default ${GUARD_DEFAULTS.maxDeletePercent} % each; exactly the limit passes), or deletes or
replaces any object of a --protect type.

Formats (--format, comma-separated; default text): text, markdown (for a pull-request comment).
Outputs: --out FILE per format in order ("-" = stdout), or --out-dir DIR (portsip-guard.{txt,md}).

Exit codes:
  0  the plan is within the limits (or --allow was given: the report still lists what breaks them)
  3  the plan breaks a limit: the report names each object (natural key and address)
  1  error: terraform show failed, the plan file is missing or not a plan, bad arguments

Examples:
  terraform plan -out=tfplan && portsip guard --plan tfplan --format markdown --out guard.md
  portsip guard --dir infra --plan infra/tfplan
  portsip guard --plan tfplan --protect portsip_tenant,portsip_dealer --max-delete-percent 10
  portsip guard --plan-json plan.json --allow
`;

export function registerGuardCommand(program: Command): Command {
  return program
    .command('guard')
    .description('stop a saved plan that deletes or replaces too much of the PBX')
    .option('--plan <planfile>', 'saved plan (terraform plan -out=PLANFILE), shown with terraform show -json')
    .option('--plan-json <file>', 'or: `terraform show -json PLANFILE` output ("-": stdin)')
    .option('--dir <dir>', 'Terraform working directory (initialized) in which --plan is shown (default: the current one)')
    .addOption(new Option('--format <formats>', 'text|markdown, comma-separated').argParser(collect).default([], 'text'))
    .addOption(new Option('--out <file>', 'output file for the format at the same position (repeatable; "-": stdout)').argParser(collect))
    .option('--out-dir <dir>', 'directory for the formats without an --out')
    .option('--terraform <path>', 'terraform executable', 'terraform')
    .option(
      '--max-delete-percent <n>',
      'largest share of a type the plan may delete',
      percentArg('--max-delete-percent'),
      GUARD_DEFAULTS.maxDeletePercent,
    )
    .option(
      '--max-replace-percent <n>',
      'largest share of a type the plan may replace',
      percentArg('--max-replace-percent'),
      GUARD_DEFAULTS.maxReplacePercent,
    )
    .addOption(
      new Option('--protect <types>', 'resource types of which nothing may be deleted or replaced, comma-separated').argParser(protectArg),
    )
    .option('--allow', 'let the plan through (exit 0) even when it breaks a limit; the report still says which')
    .addHelpText('after', GUARD_HELP)
    .action(async (f: GuardFlags) => {
      process.exitCode = await runGuard(f, processIo());
    });
}
