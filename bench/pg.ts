// A PostgreSQL server for Terraform's `pg` state backend, started by the benchmark on loopback and
// torn down after it (bench/README.md, "State backend"):
//   - findPgBinaries: initdb, pg_ctl and psql from PG_BIN, then PATH, then Debian's
//     /usr/lib/postgresql/<version>/bin (newest first); when absent, pgNotFoundMessage says how to
//     install them and the caller skips the pg backend;
//   - PostgreSQL refuses to run as root, so under root the server runs as an unprivileged user
//     (PG_RUN_AS, default `nobody`) through setpriv or runuser, with a data dir and unix socket dir
//     of its own in a fresh temp dir owned by that user, on a free port of 127.0.0.1, trust
//     authentication (loopback only, throwaway data: no password to leak into logs or argv);
//   - each Terraform state is one schema (`schema_name`) of the `terraform` database; the backend
//     keeps the default workspace as the row `name = 'default'` of `<schema>.states`, and writes it
//     with one INSERT ... ON CONFLICT DO UPDATE per state upload (Terraform 1.11,
//     internal/backend/remote-state/pg/client.go), so PostgreSQL's own table statistics
//     (n_tup_ins + n_tup_upd) count the uploads.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface PgBinaries {
  dir: string;
  initdb: string;
  pgCtl: string;
  psql: string;
}

/** The file system as the finder sees it (a test passes its own). */
export interface FinderFs {
  isExecutable(file: string): boolean;
  /** Subdirectories of `dir`, or [] when it does not exist. */
  subdirs(dir: string): string[];
}

const realFs: FinderFs = {
  isExecutable(file) {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  subdirs(dir) {
    try {
      return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
    } catch {
      return [];
    }
  },
};

/** Directories searched, in order: PG_BIN, PATH, Debian's versioned dirs (newest version first). */
export function pgSearchDirs(env: NodeJS.ProcessEnv, fsys: FinderFs = realFs): string[] {
  const debian = fsys
    .subdirs('/usr/lib/postgresql')
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => `/usr/lib/postgresql/${v}/bin`);
  const dirs = [...(env.PG_BIN ? [env.PG_BIN] : []), ...(env.PATH ?? '').split(path.delimiter).filter(Boolean), ...debian];
  return [...new Set(dirs)];
}

/**
 * The first directory holding both initdb and pg_ctl (pg_ctl starts the `postgres` next to it), and
 * a psql from the same directory or, failing that, any searched one (Debian puts psql's wrapper in
 * /usr/bin). PG_BIN, when set, must hold them: a wrong PG_BIN is an error, not a silent fallback.
 */
export function findPgBinaries(env: NodeJS.ProcessEnv = process.env, fsys: FinderFs = realFs): PgBinaries | { missing: string } {
  const dirs = pgSearchDirs(env, fsys);
  const has = (dir: string, tool: string) => fsys.isExecutable(path.join(dir, tool));
  if (env.PG_BIN && !(has(env.PG_BIN, 'initdb') && has(env.PG_BIN, 'pg_ctl')))
    return { missing: `PG_BIN=${env.PG_BIN} does not hold initdb and pg_ctl. ${pgNotFoundMessage([env.PG_BIN])}` };
  const server = dirs.find((d) => has(d, 'initdb') && has(d, 'pg_ctl'));
  const psqlDir = server && has(server, 'psql') ? server : dirs.find((d) => has(d, 'psql'));
  if (!server || !psqlDir) return { missing: pgNotFoundMessage(dirs, server ? 'psql' : 'initdb and pg_ctl') };
  return { dir: server, initdb: path.join(server, 'initdb'), pgCtl: path.join(server, 'pg_ctl'), psql: path.join(psqlDir, 'psql') };
}

export function pgNotFoundMessage(searched: string[], what = 'initdb and pg_ctl'): string {
  return (
    `PostgreSQL's ${what} not found (searched PG_BIN, PATH and /usr/lib/postgresql/*/bin: ${searched.join(', ') || 'nothing'}). ` +
    'The pg backend needs a PostgreSQL server: on Debian or Ubuntu `apt-get install postgresql` ' +
    "(the binaries land in /usr/lib/postgresql/<version>/bin), elsewhere your distribution's PostgreSQL server package, " +
    'or set PG_BIN to the directory holding initdb, pg_ctl and psql. Skipping the pg backend.'
  );
}

/** The libpq URL of the bench's server: loopback, no password (trust), no TLS (the pg backend's default needs it). */
export function pgConnStr(port: number, user = 'bench', database = 'terraform'): string {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`pg port: expected 1-65535, got ${port}`);
  return `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${encodeURIComponent(database)}?sslmode=disable`;
}

/** The schema that holds a bench state: lower-case letters, digits and `_` only, so it needs no quoting anywhere. */
export function pgSchemaFor(stateName: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(stateName)) throw new Error(`state name "${stateName}": expected [A-Za-z0-9._-]+`);
  return `bench_${stateName.toLowerCase().replace(/[^a-z0-9]/g, '_')}`.slice(0, 63);
}

/** `terraform init` arguments for an empty `backend "pg" {}` holding `stateName`. */
export function pgBackendConfigArgs(connStr: string, stateName: string): string[] {
  return [`-backend-config=conn_str=${connStr}`, `-backend-config=schema_name=${pgSchemaFor(stateName)}`];
}

export interface RunAs {
  uid: number;
  gid: number;
  name: string;
  /** How to run `file args` as that user: [file, args]. */
  wrap(file: string, args: string[]): [string, string[]];
}

/**
 * Who runs the server. Not root: ourselves. Root: `user` from passwd (PG_RUN_AS, default nobody),
 * through setpriv (util-linux; no PAM session) or else runuser.
 */
export function runAsFor(
  uid: number,
  passwd: string,
  user: string,
  tools: { setpriv?: string; runuser?: string },
): RunAs | { missing: string } {
  if (uid !== 0) return { uid, gid: process.getgid?.() ?? uid, name: os.userInfo().username, wrap: (f, a) => [f, a] };
  const line = passwd.split('\n').find((l) => l.split(':')[0] === user);
  const [, , u, g] = line?.split(':') ?? [];
  if (!line || !u || !g) return { missing: `PostgreSQL does not run as root, and user "${user}" (PG_RUN_AS) is not in /etc/passwd` };
  const id = { uid: Number(u), gid: Number(g), name: user };
  if (id.uid === 0) return { missing: `PG_RUN_AS=${user} is root; PostgreSQL needs an unprivileged user` };
  if (tools.setpriv) {
    const setpriv = tools.setpriv;
    return { ...id, wrap: (f, a) => [setpriv, [`--reuid=${id.uid}`, `--regid=${id.gid}`, '--clear-groups', '--', f, ...a]] };
  }
  if (tools.runuser) {
    const runuser = tools.runuser;
    return { ...id, wrap: (f, a) => [runuser, ['-u', user, '--', f, ...a]] };
  }
  return { missing: 'PostgreSQL does not run as root, and neither setpriv nor runuser (util-linux) is on PATH to drop privileges' };
}

function which(tool: string): string | undefined {
  for (const d of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean))
    if (realFs.isExecutable(path.join(d, tool))) return path.join(d, tool);
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface PgServer {
  readonly connStr: string;
  readonly version: string;
  /** Terraform's state of `stateName` (JSON text), if any. */
  readState(stateName: string): string | undefined;
  /** Drop the state: the next apply starts from empty. */
  clearState(stateName: string): void;
  /** Store a state as Terraform would (the merged state of a chunked apply). */
  writeState(stateName: string, json: string): void;
  /** State writes so far (n_tup_ins + n_tup_upd of `<schema>.states`; 0 before the first init). */
  writes(stateName: string): number;
  stop(): void;
}

/** Starts PostgreSQL as described at the top; `log` gets one line. Throws with the server's log on failure. */
export async function startPostgres(bins: PgBinaries, log: (msg: string) => void): Promise<PgServer> {
  const passwd = fs.existsSync('/etc/passwd') ? fs.readFileSync('/etc/passwd', 'utf8') : '';
  const runAs = runAsFor(process.getuid?.() ?? 1, passwd, process.env.PG_RUN_AS || 'nobody', {
    setpriv: which('setpriv'),
    runuser: which('runuser'),
  });
  if ('missing' in runAs) throw new Error(runAs.missing);
  // Under os.tmpdir() (world-traversable), not .bench/: the server's user must reach its files.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'portsip-bench-pg-'));
  const data = path.join(root, 'data');
  const logFile = path.join(root, 'server.log');
  if (process.getuid?.() === 0) fs.chownSync(root, runAs.uid, runAs.gid);
  fs.chmodSync(root, 0o700);
  const as = (file: string, args: string[]) => {
    const [f, a] = runAs.wrap(file, args);
    return spawnSync(f, a, { encoding: 'utf8', cwd: root, timeout: 120_000 });
  };
  const fail = (what: string, r: ReturnType<typeof as>) => {
    const serverLog = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
    fs.rmSync(root, { recursive: true, force: true });
    return new Error(
      `${what} failed (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout || String(r.error ?? '')).trim()}\n${serverLog}`,
    );
  };
  let r = as(bins.initdb, ['-D', data, '-U', 'bench', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  if (r.status !== 0) throw fail('initdb', r);
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    // -k: the unix socket in our own dir (the default /var/run/postgresql may not exist or be writable).
    r = as(bins.pgCtl, ['start', '-w', '-t', '60', '-D', data, '-l', logFile, '-o', `-h 127.0.0.1 -p ${port} -k ${root}`]);
    if (r.status === 0) break;
    // Another process may have taken the port between freePort() and the server's bind: once more.
    if (attempt >= 1) throw fail('pg_ctl start', r);
  }
  const connStr = pgConnStr(port);
  const stop = () => {
    if (!fs.existsSync(data)) return;
    as(bins.pgCtl, ['stop', '-w', '-m', 'fast', '-D', data]);
    fs.rmSync(root, { recursive: true, force: true });
  };
  // psql sees only our URL: libpq's PG* variables (PGSERVICE, PGSSLMODE, ...) could redirect it.
  const env: NodeJS.ProcessEnv = { PGCONNECT_TIMEOUT: '10' };
  for (const [k, v] of Object.entries(process.env)) if (!/^PG[A-Z]+$/.test(k)) env[k] = v;
  const psql = (sql: string, database = 'terraform', input?: string): string => {
    const args = [
      '-X',
      '-q',
      '-A',
      '-t',
      '-v',
      'ON_ERROR_STOP=1',
      '-d',
      database === 'terraform' ? connStr : pgConnStr(port, 'bench', database),
    ];
    const p = spawnSync(bins.psql, input === undefined ? [...args, '-c', sql] : args, {
      encoding: 'utf8',
      env,
      input,
      maxBuffer: 1 << 30,
      timeout: 120_000,
    });
    if (p.status !== 0) throw new Error(`psql failed (exit ${p.status ?? p.signal}): ${(p.stderr || String(p.error ?? '')).trim()}`);
    return p.stdout;
  };
  try {
    psql('CREATE DATABASE terraform', 'postgres');
  } catch (e) {
    stop();
    throw e;
  }
  const version = psql('SHOW server_version').trim();
  log(`PostgreSQL ${version} (${bins.dir}) on 127.0.0.1:${port} as ${runAs.name}, data in ${root}`);
  const table = (stateName: string) => `${pgSchemaFor(stateName)}.states`;
  const exists = (stateName: string) => psql(`SELECT to_regclass('${table(stateName)}') IS NOT NULL`).trim() === 't';
  return {
    connStr,
    version,
    readState(stateName) {
      if (!exists(stateName)) return undefined;
      const out = psql(`SELECT data FROM ${table(stateName)} WHERE name = 'default'`);
      return out.trim() ? out.replace(/\n$/, '') : undefined;
    },
    clearState(stateName) {
      if (exists(stateName)) psql(`DELETE FROM ${table(stateName)} WHERE name = 'default'`);
    },
    writeState(stateName, json) {
      if (!exists(stateName)) throw new Error(`no pg state table for "${stateName}": run terraform init first`);
      // Dollar quoting with a tag the text cannot contain: no escaping of a multi-MB JSON document.
      let tag = `s${randomBytes(6).toString('hex')}`;
      while (json.includes(tag)) tag = `s${randomBytes(6).toString('hex')}`;
      psql(
        '',
        'terraform',
        `INSERT INTO ${table(stateName)} (name, data) VALUES ('default', $${tag}$${json}$${tag}$) ` +
          `ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data;\n`,
      );
    },
    writes(stateName) {
      const out = psql(
        `SELECT coalesce(sum(n_tup_ins + n_tup_upd), 0) FROM pg_stat_user_tables WHERE schemaname = '${pgSchemaFor(stateName)}' AND relname = 'states'`,
      );
      return Number(out.trim());
    },
    stop,
  };
}
