// `portsip emulator`: run the PortSIP v22.3 admin API emulator in the foreground.
import * as fs from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_ADMIN_PASSWORD, type EmulatorOptions, type FaultOptions, startEmulator } from '../emulator';
import { parseLatency } from '../emulator/faults';

function num(min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(`must be a number between ${min} and ${max}`);
    return n;
  };
}
function int(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (v: string): number => {
    if (!/^\d+$/.test(v.trim())) throw new InvalidArgumentError('must be a whole number');
    return num(min, max)(v);
  };
}
function latency(v: string): number | [number, number] {
  try {
    return parseLatency(v);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

interface Flags {
  port: number;
  host: string;
  https?: boolean;
  cert?: string;
  key?: string;
  adminPassword?: string;
  data?: string;
  apiVersion: '22.2' | '22.3';
  tokenLifetime: number;
  twoFactor?: boolean;
  strictUnknownFields?: boolean;
  unknownFields?: 'ignore' | 'reject' | 'store';
  conformance?: boolean;
  allowSizeTb?: boolean;
  dealerDelete: 'reject' | 'detach';
  brandGet?: boolean;
  latency?: number | [number, number];
  errorRate?: number;
  errorStatus?: string;
  burst429?: number;
  burst429Every?: number;
  burst429Length?: number;
  retryAfter?: number;
  dropRate?: number;
  tokenExpiryRate?: number;
  rateLimit: number;
  lateCreateMs?: number;
  lateCreateRate?: number;
  lateCreateDrop?: boolean;
  seed?: number;
  /** commander's --no-unique-keys: false when given. */
  uniqueKeys?: boolean;
}

/** Map CLI flags to startEmulator options (exported for tests). */
export function emulatorOptionsFromFlags(f: Flags): EmulatorOptions {
  if ((f.cert && !f.key) || (!f.cert && f.key)) throw new InvalidArgumentError('--cert and --key go together');
  const faults: FaultOptions = { rateLimitPerMinute: f.rateLimit };
  if (f.latency !== undefined) faults.latencyMs = f.latency;
  if (f.errorRate !== undefined) faults.errorRate = f.errorRate;
  if (f.errorStatus !== undefined) faults.errorStatus = f.errorStatus === 'random' ? 'random' : (Number(f.errorStatus) as 500 | 503);
  if (f.burst429 !== undefined) faults.burst429 = f.burst429;
  if (f.burst429Every !== undefined) faults.burst429Every = f.burst429Every;
  if (f.burst429Length !== undefined) faults.burst429Length = f.burst429Length;
  if (f.retryAfter !== undefined) faults.retryAfterSeconds = f.retryAfter;
  if (f.dropRate !== undefined) faults.dropRate = f.dropRate;
  if (f.tokenExpiryRate !== undefined) faults.tokenExpiryRate = f.tokenExpiryRate;
  if (f.lateCreateRate !== undefined && f.lateCreateMs === undefined && !f.lateCreateDrop)
    throw new InvalidArgumentError('--late-create-rate needs --late-create-ms (or --late-create-drop)');
  if (f.lateCreateMs !== undefined || f.lateCreateDrop) {
    faults.lateCreateMs = f.lateCreateMs ?? 0;
    faults.lateCreateDrop = !!f.lateCreateDrop;
    faults.lateCreateRate = f.lateCreateRate ?? 1;
  }
  if (f.seed !== undefined) faults.seed = f.seed;
  return {
    uniqueKeys: f.uniqueKeys !== false,
    port: f.port,
    host: f.host,
    https: !!f.https || !!f.cert,
    cert: f.cert ? fs.readFileSync(f.cert, 'utf8') : undefined,
    key: f.key ? fs.readFileSync(f.key, 'utf8') : undefined,
    adminPassword: f.adminPassword,
    dataFile: f.data,
    apiVersion: f.apiVersion,
    tokenLifetimeSeconds: f.tokenLifetime,
    twoFactor: !!f.twoFactor,
    unknownFields: f.strictUnknownFields ? 'reject' : (f.unknownFields ?? 'ignore'),
    conformance: !!f.conformance,
    allowSizeTB: !!f.allowSizeTb,
    dealerDelete: f.dealerDelete,
    brandGet: !!f.brandGet,
    faults,
  };
}

export function registerEmulatorCommand(program: Command): Command {
  return program
    .command('emulator')
    .description('Run the PortSIP PBX v22.3 admin REST API emulator in the foreground (Ctrl-C to stop)')
    .option('--port <n>', 'TCP port (0 = any free port)', int(0, 65535), 8887)
    .option('--host <addr>', 'address to bind', '127.0.0.1')
    .option('--https', 'serve HTTPS with a generated self-signed certificate')
    .option('--cert <file>', 'PEM certificate for HTTPS (implies --https)')
    .option('--key <file>', 'PEM private key for HTTPS')
    .option('--admin-password <pw>', `password of the built-in "admin" account when seeding (default "${DEFAULT_ADMIN_PASSWORD}")`)
    .option('--data <file>', 'persist state to this JSON file (reloaded on start)')
    .addOption(new Option('--api-version <v>', 'API version to emulate').choices(['22.2', '22.3']).default('22.3'))
    .option('--token-lifetime <seconds>', 'access-token lifetime', int(1), 3600)
    .option('--two-factor', 'require the e-mail OTP step at sign-in (codes: GET /__emulator/outbox)')
    .option('--strict-unknown-fields', 'same as --unknown-fields reject')
    .addOption(
      new Option('--unknown-fields <mode>', 'undocumented body fields: dropped, refused with 400, or stored and echoed')
        .choices(['ignore', 'reject', 'store'])
        .default('ignore'),
    )
    .option('--conformance', "check every request against PortSIP's documented schema (400 + GET /__emulator/conformance)")
    .option('--allow-size-tb', 'accept TB in size strings such as disk_quota')
    .addOption(
      new Option('--dealer-delete <mode>', 'deleting a dealer that still has tenants').choices(['reject', 'detach']).default('reject'),
    )
    .option('--brand-get', 'serve a non-standard GET /api/brand')
    .option('--latency <spec>', 'added latency per request: 20ms, 1s, or a random range 10-50ms', latency)
    .option('--error-rate <p>', 'fraction of requests answered 500/503 (0-1)', num(0, 1))
    .addOption(new Option('--error-status <code>', 'status for --error-rate').choices(['500', '503', 'random']))
    .option('--burst-429 <n>', 'answer the first N requests with 429 + Retry-After', int(0))
    .option('--burst-429-every <n>', 'start a 429 burst every N requests', int(1))
    .option('--burst-429-length <n>', 'length of each periodic 429 burst', int(1))
    .option('--retry-after <seconds>', 'Retry-After of injected 429s', int(0))
    .option('--drop-rate <p>', 'fraction of connections destroyed without a response (0-1)', num(0, 1))
    .option('--token-expiry-rate <p>', 'fraction of authenticated requests whose token is forced to expire (0-1)', num(0, 1))
    .option('--rate-limit <n>', 'requests per minute per token, 0 = off (PortSIP default 10000)', int(0), 10000)
    .option('--late-create-ms <ms>', 'apply a create at once but answer it only after this many ms', int(0))
    .option('--late-create-rate <p>', 'fraction of creates answered late (0-1; default 1 with --late-create-ms)', num(0, 1))
    .option('--late-create-drop', 'with a late create, close the connection after the delay instead of answering')
    .option('--seed <n>', 'seed of the fault dice, for reproducible runs', int(0, 2 ** 32 - 1))
    .option('--no-unique-keys', 'accept two objects with the same natural key (domain, port, name), like a PBX without those rules')
    .action(async (flags: Flags) => {
      const opts = emulatorOptionsFromFlags(flags);
      const emu = await startEmulator(opts);
      const base = emu.url.replace(/\/api$/, '');
      // One write, so a script reading stdout sees the whole banner at once.
      const lines = [
        `PortSIP emulator (API ${opts.apiVersion}) listening on ${emu.url}`,
        `Sign in: curl -s -X POST ${emu.url}/auth/sign_in -H 'Content-Type: application/json' -d '{"username":"admin","password":"${opts.adminPassword ? '<--admin-password>' : DEFAULT_ADMIN_PASSWORD}"}'`,
      ];
      if (opts.dataFile) lines.push(`State file: ${opts.dataFile} (an existing file keeps its own admin password)`);
      if (emu.certificate) lines.push(`HTTPS certificate (self-signed unless --cert):\n${emu.certificate.trimEnd()}`);
      lines.push(`Control: ${base}/__emulator/{stats,faults,reset-stats,expire-tokens,outbox,state}`);
      process.stdout.write(lines.join('\n') + '\n');
      let stopping = false;
      const stop = (sig: string) => {
        if (stopping) return;
        stopping = true;
        process.stderr.write(`portsip emulator: ${sig}, shutting down\n`);
        emu.close().then(
          () => process.exit(0),
          (e) => {
            process.stderr.write(`portsip emulator: ${e}\n`);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    });
}
