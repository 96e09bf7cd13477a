#!/usr/bin/env node
// `npm run bench:startup`: start-up of the provider (spawn to handshake line, with the
// environment Terraform sets) for each packaging candidate, and the size of every release
// artifact per platform. Writes a marked section into bench/RESULTS.md.
//
//   node bench/startup.js [--runs 10] [--no-write]
// Needs `npm run release` first (dist/release/); the code-cache candidate is built into .tmp/startup/.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const root = path.resolve(__dirname, '..');

/** A throwaway client certificate, as Terraform sends in PLUGIN_CLIENT_CERT (bundled from src/). */
function clientCertPem() {
  const esbuild = require('esbuild');
  const r = esbuild.buildSync({
    entryPoints: [path.join(root, 'src', 'provider', 'cert.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  const m = { exports: {} };
  new Function('module', 'exports', 'require', r.outputFiles[0].text)(m, m.exports, require);
  return m.exports.createSelfSignedCert('localhost').certPem;
}

/** CPU time (user + system) the process has used so far, from /proc (Linux; 10 ms ticks), or NaN. */
function cpuMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in USER_HZ = 100
  } catch {
    return NaN;
  }
}

/** ms from spawn to the first stdout line, and the CPU ms used by then; the process is killed right after. */
function handshakeOnce(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (b) => (err += b));
    child.stdout.on('data', (b) => {
      out += b;
      if (out.includes('\n')) {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        const cpu = cpuMs(child.pid);
        child.kill('SIGKILL');
        if (!/^1\|6\|tcp\|/.test(out)) reject(new Error(`unexpected handshake line: ${out}`));
        else resolve({ ms, cpu });
      }
    });
    child.on('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`${cmd} exited ${code} before the handshake: ${err}`));
    });
  });
}

/**
 * Starts the provider over plaintext and ends it the way Terraform does (gRPC Shutdown), so its exit
 * hooks run: the loader writes its V8 code cache then. Used once before measuring.
 */
function startAndShutdown(cmd, args, env) {
  const http2 = require('node:http2');
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...env, TF_DISABLE_PLUGIN_TLS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.on('exit', () => resolve());
    child.on('error', reject);
    child.stdout.on('data', (b) => {
      out += b;
      if (!out.includes('\n')) return;
      const session = http2.connect(`http://${out.split('|')[3]}`);
      session.on('error', () => undefined); // the provider closes the connection as it exits
      const req = session.request({ ':method': 'POST', ':path': '/plugin.GRPCController/Shutdown', 'content-type': 'application/grpc' });
      req.on('error', () => undefined);
      req.end(Buffer.alloc(5)); // one empty message
    });
  });
}

function median(values) {
  const t = [...values].sort((a, b) => a - b);
  const mid = t.length / 2;
  return t.length % 2 ? t[Math.floor(mid)] : (t[mid - 1] + t[mid]) / 2;
}

const MAGIC_COOKIE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
const mib = (n) => (n / 1048576).toFixed(1);

/** Interleaved: spawn i of every candidate runs before spawn i+1 of any, so load swings hit all alike. */
async function measureAll(candidates, env, runs) {
  const times = candidates.map(() => []);
  for (const c of candidates) await handshakeOnce(c.cmd, c.args, env); // warm the page cache; not counted
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < candidates.length; j++) times[j].push(await handshakeOnce(candidates[j].cmd, candidates[j].args, env));
  }
  return times.map((t) => {
    const ms = t.map((x) => x.ms);
    return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), cpu: median(t.map((x) => x.cpu)) };
  });
}

async function main() {
  const runsIdx = process.argv.indexOf('--runs');
  const runs = runsIdx > 0 ? Number(process.argv[runsIdx + 1]) : 10;
  const write = !process.argv.includes('--no-write');
  const release = require('../scripts/release.js');
  const version = release.packageVersion();
  const relDir = path.join(root, 'dist', 'release');
  const host = release.hostPlatform();
  const seaExe = path.join(relDir, 'executables', host, `terraform-provider-portsip_v${version}`);
  if (!fs.existsSync(seaExe)) throw new Error(`${path.relative(root, seaExe)} is missing: run "npm run release" first`);
  // The candidate not shipped: an SEA whose main script is the bundle itself, with V8's code cache in the blob.
  const cc = path.join(root, '.tmp', 'startup', `terraform-provider-portsip-codecache`);
  release.buildSea({
    bundle: path.join(root, 'dist', 'provider-bundle.js'),
    mainName: 'terraform-provider-portsip.js',
    nodeBinary: process.execPath,
    platform: host,
    out: cc,
    useCodeCache: true,
  });
  // The loader's code cache in a folder of its own, filled by the unmeasured warm-up spawn.
  const codeCacheDir = path.join(root, '.tmp', 'startup', 'code-cache');
  fs.rmSync(codeCacheDir, { recursive: true, force: true });
  const candidates = [
    {
      name: 'node + esbuild bundle (`node dist/provider-bundle.js`)',
      cmd: process.execPath,
      args: [path.join(root, 'dist', 'provider-bundle.js')],
      size: fs.statSync(path.join(root, 'dist', 'provider-bundle.js')).size,
    },
    {
      name: 'node + loader with a V8 code cache (`node dist/provider.js`, the `--dev` launcher)',
      cmd: process.execPath,
      args: [path.join(root, 'dist', 'provider.js')],
      size: fs.statSync(path.join(root, 'dist', 'provider-bundle.js')).size,
    },
    {
      name: 'SEA: the loader with its code cache, the bundle as an asset (**shipped**)',
      cmd: seaExe,
      args: [],
      size: fs.statSync(seaExe).size,
    },
    { name: 'SEA: the bundle as main script with `useCodeCache` (not shipped)', cmd: cc, args: [], size: fs.statSync(cc).size },
  ];
  const env = {
    ...process.env,
    PORTSIP_PROVIDER_CODE_CACHE: codeCacheDir,
    TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE,
    PLUGIN_PROTOCOL_VERSIONS: '6',
    PLUGIN_CLIENT_CERT: clientCertPem(),
    PLUGIN_MIN_PORT: '10000',
    PLUGIN_MAX_PORT: '25000',
  };
  delete env.TF_LOG;
  delete env.TF_LOG_PROVIDER;
  const load0 = os.loadavg();
  // The two loader candidates (node + loader, the shipped executable) write their code cache once, unmeasured.
  for (const c of [candidates[1], candidates[2]]) await startAndShutdown(c.cmd, c.args, env);
  const written = fs.readdirSync(codeCacheDir).filter((f) => f.endsWith('.v8cache'));
  if (written.length !== 2)
    throw new Error(`expected 2 code caches (loader, executable) in ${codeCacheDir}; found ${written.join(', ') || 'none'}`);
  const results = await measureAll(candidates, env, runs);
  const load1 = os.loadavg();

  const lines = [];
  lines.push('<!-- startup:begin -->');
  lines.push('## Provider start-up and release sizes');
  lines.push('');
  lines.push(
    `Generated by \`npm run bench:startup\` (bench/startup.js, after \`npm run release\`); ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${os.cpus().length} CPUs, load average ${load0.map((x) => x.toFixed(2)).join(' / ')} at the start, ${load1.map((x) => x.toFixed(2)).join(' / ')} at the end (a shared machine: compare the rows with each other, they ran interleaved).`,
  );
  lines.push('');
  lines.push(
    `Start to handshake: spawn of the provider to its handshake line on stdout, with the environment Terraform sets (\`TF_PLUGIN_MAGIC_COOKIE\`, \`PLUGIN_PROTOCOL_VERSIONS=6\`, \`PLUGIN_CLIENT_CERT\`), ${runs} spawns per candidate after one unmeasured warm-up, interleaved; ${host}.`,
  );
  lines.push('');
  lines.push('| candidate | median ms | min ms | max ms | median CPU ms to the line | file MiB |');
  lines.push('|---|---|---|---|---|---|');
  candidates.forEach((c, i) =>
    lines.push(
      `| ${c.name} | **${results[i].median.toFixed(0)}** | ${results[i].min.toFixed(0)} | ${results[i].max.toFixed(0)} | ${results[i].cpu.toFixed(0)} | ${mib(c.size)} |`,
    ),
  );
  lines.push('');
  lines.push(
    'CPU ms: user + system time the process had used when its line arrived (/proc, 10 ms ticks); it depends less on how busy the machine is than the wall time.',
  );
  lines.push('');
  lines.push(
    "The node rows need Node.js and this checkout on the machine; the SEA rows are one file. The shipped executable's main script is the loader (src/provider/code-cache.ts), which compiles the bundle (an SEA asset) with a V8 code cache it writes on the user's machine at the first launch's exit (here: one unmeasured launch ended with Shutdown first), so every platform gets it. `useCodeCache` in the blob is not shipped: only a Node of the target architecture can make it (3 of the 4 platforms could not have it), and its bytes change from build to build unless V8's random seed is pinned (docs/release.md).",
  );
  lines.push('');
  lines.push(`Release files for ${version} (\`dist/release/\`):`);
  lines.push('');
  lines.push('| platform | provider executable MiB | provider zip MiB | CLI executable MiB | CLI zip MiB |');
  lines.push('|---|---|---|---|---|');
  for (const platform of Object.keys(release.PLATFORMS)) {
    const exe = release.PLATFORMS[platform].exe || '';
    const f = (p) => (fs.existsSync(path.join(relDir, p)) ? mib(fs.statSync(path.join(relDir, p)).size) : '–');
    lines.push(
      `| ${platform} | ${f(`executables/${platform}/terraform-provider-portsip_v${version}${exe}`)} | ${f(`terraform-provider-portsip_${version}_${platform}.zip`)} | ${f(`executables/${platform}/portsip${exe}`)} | ${f(`portsip_${version}_${platform}.zip`)} |`,
    );
  }
  const tgz = path.join(relDir, `portsip-cli-${version}.tgz`);
  if (fs.existsSync(tgz)) lines.push(`| npm package \`portsip-cli-${version}.tgz\` | | | | ${mib(fs.statSync(tgz).size)} |`);
  lines.push('');
  lines.push('<!-- startup:end -->');
  const section = lines.join('\n') + '\n';
  process.stdout.write(section);
  if (write) {
    const file = path.join(__dirname, 'RESULTS.md');
    const text = fs.readFileSync(file, 'utf8');
    const re = /<!-- startup:begin -->[\s\S]*<!-- startup:end -->\n/;
    fs.writeFileSync(file, re.test(text) ? text.replace(re, section) : `${text.replace(/\n*$/, '\n')}\n${section}`);
  }
}

module.exports = { handshakeOnce, clientCertPem };

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`bench:startup: ${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  });
}
