// `portsip export`: brings an existing PBX under code. Reads every object like an import would
// (read.ts), names them from natural keys (naming.ts), decides what to write (model.ts) and writes
// Terraform files (hcl.ts) or a cdktf stack (cdktf.ts). docs/export.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Command, Option } from 'commander';
import { VERSION } from '../../common/version';
import type { Io } from '../drift';
import { processIo } from '../drift';
import { cdktfFiles, DEFAULT_CDKTF_MODULE } from './cdktf';
import { parseFilters, type FilterFlags } from './filters';
import { hclFiles, type GeneratedFile } from './hcl';
import { buildModel } from './model';
import { connect, providerConfig, type ConnectFlags } from '../connect';
import { readPbx, RequestCounter } from './read';

export const EXPORT_FORMATS = ['hcl', 'cdktf'] as const;

export interface ExportFlags extends FilterFlags, ConnectFlags {
  out?: string;
  format: string;
  force?: boolean;
  parallelism?: string;
  cdktfModule?: string;
}

export interface ExportSummary {
  objects: number;
  requests: number;
  seconds: number;
  files: string[];
}

/** Refuses a folder that holds anything unless --force; creates it when missing. */
function prepareOut(dir: string, force: boolean): void {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new Error(`--out ${dir}: not a directory`);
    if (!force && fs.readdirSync(dir).length > 0)
      throw new Error(
        `--out ${dir}: the folder is not empty; choose an empty or new folder, or pass --force to overwrite the generated files`,
      );
  } else fs.mkdirSync(dir, { recursive: true });
}

function writeFiles(dir: string, files: readonly GeneratedFile[]): void {
  for (const f of files) {
    const p = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, f.content);
  }
}

/** The export itself, for the command and for tests/bench (no process exit). */
export async function runExport(f: ExportFlags, io: Io, signal: AbortSignal = new AbortController().signal): Promise<ExportSummary> {
  const t0 = performance.now();
  if (!f.out) throw new Error('--out DIR is required: the folder to write the code into');
  if (!(EXPORT_FORMATS as readonly string[]).includes(f.format))
    throw new Error(`--format ${JSON.stringify(f.format)}: use one of ${EXPORT_FORMATS.join(', ')}`);
  const parallelism = f.parallelism === undefined ? 10 : Number(f.parallelism);
  if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > 64)
    throw new Error(`--parallelism ${JSON.stringify(f.parallelism)}: a whole number from 1 to 64`);
  const filters = parseFilters(f);
  const out = path.resolve(io.cwd, f.out);
  prepareOut(out, !!f.force);
  const counter = new RequestCounter();
  const ctx = await connect(providerConfig(f, io.cwd), io.env, signal, counter.logger);
  try {
    const read = await readPbx(ctx, filters, { signal, counter, progress: (l) => io.stderr(`portsip export: ${l}\n`), parallelism });
    const model = buildModel(read.objects);
    const files = f.format === 'cdktf' ? cdktfFiles(model, VERSION, f.cdktfModule ?? DEFAULT_CDKTF_MODULE) : hclFiles(model, VERSION);
    writeFiles(out, files);
    const seconds = (performance.now() - t0) / 1000;
    const summary: ExportSummary = { objects: model.resources.length, requests: counter.count, seconds, files: files.map((x) => x.path) };
    io.stderr(
      `portsip export: ${summary.objects} objects in ${files.length} files under ${f.out} (${summary.requests} API requests, ${seconds.toFixed(1)} s)\n`,
    );
    return summary;
  } finally {
    await ctx.client.close().catch(() => undefined);
  }
}

const collect = (v: string, prev: string[] | undefined) => [...(prev ?? []), v];

export const EXPORT_HELP = `
Connection: like the provider: PORTSIP_ENDPOINT, PORTSIP_USERNAME, PORTSIP_PASSWORD (the password
only from the environment, never a flag), or --endpoint / --username; --ca-cert / --insecure-skip-verify
as the provider's ca_cert_pem / insecure_skip_verify.

Types: dealer, tenant, trunk_assignment, transport, ip_rule, admin_user and the singletons
(system_settings, network_settings, notification_settings, sbc_settings, im_server,
data_flow_server, certificate, brand, admin_profile).

Filters:
  --include tenant,dealer    only these types
  --exclude ip_rule          all types but these
  --match tenant=*.acme.com  natural key glob (* and ?, any letter case; repeatable)
  --dealer NAME              the dealer, its tenants and their trunk assignments
An id that refers to an object outside the export (a tenant's dealer_id with --include tenant)
stays the literal id, with a comment.

Output (--out DIR, refused when DIR is not empty unless --force):
  hcl    versions.tf, provider.tf, variables.tf (passwords) and one file per type, an import
         block next to every resource; formatted as terraform fmt does
  cdktf  main.ts: a cdktf stack with the generated constructs, importFrom() for every construct

Then: terraform init && terraform plan  ->  "N to import, 0 to add, 0 to change, 0 to destroy".
Progress and a summary (objects, requests, seconds) go to stderr.

Examples:
  portsip export --out infra
  portsip export --out acme --dealer acme-reseller
  portsip export --out tenants --include tenant --match 'tenant=*.example.com'
  portsip export --out stack --format cdktf
`;

export function registerExportCommand(program: Command): Command {
  return program
    .command('export')
    .description('write Terraform (or cdktf) code with import blocks that manages an existing PBX, zero-diff')
    .option('--out <dir>', 'folder to write the code into (must be empty unless --force)')
    .addOption(new Option('--format <format>', 'hcl or cdktf').choices([...EXPORT_FORMATS]).default('hcl'))
    .addOption(new Option('--include <types>', 'only these types (comma-separated, repeatable)').argParser(collect))
    .addOption(new Option('--exclude <types>', 'leave these types out (comma-separated, repeatable)').argParser(collect))
    .addOption(new Option('--match <type=glob>', 'only objects whose natural key matches (repeatable)').argParser(collect))
    .option('--dealer <name>', 'only this dealer, its tenants and their trunk assignments')
    .option('--force', 'write into a folder that is not empty (generated files are overwritten)')
    .option('--endpoint <url>', 'PBX API URL (default: PORTSIP_ENDPOINT)')
    .option('--username <name>', 'admin user (default: PORTSIP_USERNAME); the password only from PORTSIP_PASSWORD')
    .option('--ca-cert <file>', 'PEM file of the CA that signed the PBX certificate')
    .option('--insecure-skip-verify', 'do not verify the PBX TLS certificate (not recommended)')
    .option('--cdktf-module <module>', `where the cdktf stack imports the constructs from (default ${DEFAULT_CDKTF_MODULE})`)
    .option('--parallelism <n>', 'objects read at once (default 10, as terraform)')
    .addHelpText('after', EXPORT_HELP)
    .action(async (f: ExportFlags) => {
      const io = processIo();
      const ac = new AbortController();
      const stop = () => ac.abort();
      process.once('SIGINT', stop);
      try {
        await runExport(f, io, ac.signal);
        process.exitCode = 0;
      } catch (e) {
        io.stderr(`portsip export: error: ${(e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ')}\n`);
        process.exitCode = 1;
      } finally {
        process.off('SIGINT', stop);
      }
    });
}
