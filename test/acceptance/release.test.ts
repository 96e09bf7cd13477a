// `npm run release` for this platform: reproducible bytes, and the two mirrors it lays out work
// with the real terraform: the network mirror over HTTPS (a test CA through SSL_CERT_FILE) and
// the filesystem mirror in the packed layout, including `terraform providers lock -fs-mirror`.
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createCertificate } from '../../src/common/x509';
import { ensurePackaged, pathWithoutNode, which, type Packaged } from '../packaged';

jest.setTimeout(600_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script without type declarations
const release = require('../../scripts/release.js');

const TERRAFORM = which('terraform');
let tmp: string;
let packaged: Packaged;
let built: {
  outDir: string;
  version: string;
  sums: string;
  networkMirror: string;
  filesystemMirror: string;
  manifest: string;
  providerZips: { zip: string }[];
};

const MAIN_TF = (version: string) =>
  `terraform {\n  required_providers {\n    portsip = {\n      source  = "portsip/portsip"\n      version = "${version}"\n    }\n  }\n}\n`;

function tf(cwd: string, env: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const base: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) base[k] = v;
    delete base.TF_PLUGIN_CACHE_DIR;
    const child = spawn(TERRAFORM, args, {
      cwd,
      env: { ...base, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', PATH: pathWithoutNode(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

beforeAll(async () => {
  packaged = await ensurePackaged();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-release-'));
  // A second build of the same commit, somewhere else, with the mirrors laid out.
  built = await release.buildRelease({
    outDir: path.join(tmp, 'elsewhere', 'release'),
    platforms: [packaged.platform],
    nodeFrom: 'host',
    log: () => undefined,
  });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('two builds of the same commit give the same bytes: SHA256SUMS, zips, manifest, npm tarball', () => {
  const first = fs.readFileSync(path.join(packaged.releaseDir, path.basename(built.sums)), 'utf8');
  const second = fs.readFileSync(built.sums, 'utf8');
  expect(second).toBe(first);
  const names = second
    .trim()
    .split('\n')
    .map((l) => l.split('  ')[1]);
  const v = built.version;
  expect(names).toEqual(
    [
      `portsip-cli-${v}.tgz`,
      `portsip_${v}_${packaged.platform}.zip`,
      `terraform-provider-portsip_${v}_${packaged.platform}.zip`,
      `terraform-provider-portsip_${v}_manifest.json`,
    ].sort(),
  );
  expect(JSON.parse(fs.readFileSync(built.manifest, 'utf8'))).toEqual({ version: 1, metadata: { protocol_versions: ['6.0'] } });
  expect(fs.readFileSync(built.manifest, 'utf8')).toBe('{"version":1,"metadata":{"protocol_versions":["6.0"]}}');
});

test('network mirror over HTTPS: terraform init installs from it and records its h1: hash; wrong hashes are refused', async () => {
  const ca = createCertificate({ commonName: 'portsip mirror test CA', dnsNames: ['localhost'], ips: ['127.0.0.1'], ca: true });
  const caFile = path.join(tmp, 'ca.pem');
  fs.writeFileSync(caFile, ca.certPem);
  const served: string[] = [];
  let tamper = false;
  const root = built.networkMirror;
  const server = https.createServer({ cert: ca.certPem, key: ca.keyPem }, (req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname);
    const file = path.join(root, rel);
    served.push(rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.endsWith('.json') ? 'application/json' : 'application/zip' });
    if (tamper && file.endsWith(`${built.version}.json`)) {
      // Every hash listed for the archive, wrong.
      res.end(
        fs
          .readFileSync(file, 'utf8')
          .replace(/"(h1|zh):[^"]+"/g, (_m, k: string) => `"${k}:${k === 'zh' ? '0'.repeat(64) : 'A'.repeat(43) + '='}"`),
      );
      return;
    }
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const port = (server.address() as AddressInfo).port;
    const dir = path.join(tmp, 'net');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'main.tf'), MAIN_TF(built.version));
    fs.writeFileSync(
      path.join(dir, 'terraform.rc'),
      `provider_installation {\n  network_mirror {\n    url     = "https://127.0.0.1:${port}/"\n    include = ["portsip/portsip"]\n  }\n}\n`,
    );
    const env = { TF_CLI_CONFIG_FILE: path.join(dir, 'terraform.rc'), SSL_CERT_FILE: caFile };
    const r = await tf(dir, env, 'init', '-no-color', '-input=false');
    expect(r.out).toContain(`Installed portsip/portsip v${built.version}`);
    expect(r.code).toBe(0);
    expect(served).toEqual(
      expect.arrayContaining([
        '/registry.terraform.io/portsip/portsip/index.json',
        `/registry.terraform.io/portsip/portsip/${built.version}.json`,
        `/registry.terraform.io/portsip/portsip/terraform-provider-portsip_${built.version}_${packaged.platform}.zip`,
      ]),
    );
    const listed = JSON.parse(
      fs.readFileSync(path.join(root, 'registry.terraform.io', 'portsip', 'portsip', `${built.version}.json`), 'utf8'),
    ).archives[packaged.platform].hashes as string[];
    // Terraform checks the download against the listed hashes and locks the h1: one; it is the
    // h1: the mirror lists, so the release computes it the way Terraform does.
    const lock = fs.readFileSync(path.join(dir, '.terraform.lock.hcl'), 'utf8');
    const h1 = listed.find((h) => h.startsWith('h1:'))!;
    expect(lock).toContain(`"${h1}"`);
    expect(listed).toContain(`zh:${crypto.createHash('sha256').update(fs.readFileSync(built.providerZips[0]!.zip)).digest('hex')}`);
    // The provider it installed runs: the schema comes back from the packaged executable.
    const schema = await tf(dir, env, 'providers', 'schema', '-json');
    expect(schema.code).toBe(0);
    expect(Object.keys(JSON.parse(schema.out).provider_schemas)).toEqual(['registry.terraform.io/portsip/portsip']);
    // A mirror whose hashes do not match the zip is refused: the listed hashes are checked.
    fs.rmSync(path.join(dir, '.terraform'), { recursive: true, force: true });
    fs.rmSync(path.join(dir, '.terraform.lock.hcl'));
    tamper = true;
    const bad = await tf(dir, env, 'init', '-no-color', '-input=false');
    tamper = false;
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/checksum|doesn't match|does not match/i);
    // Without the test CA, Go's TLS check refuses the mirror.
    fs.rmSync(path.join(dir, '.terraform'), { recursive: true, force: true });
    const untrusted = await tf(
      dir,
      { TF_CLI_CONFIG_FILE: env.TF_CLI_CONFIG_FILE, SSL_CERT_FILE: path.join(tmp, 'none.pem') },
      'init',
      '-no-color',
    );
    expect(untrusted.code).not.toBe(0);
    expect(untrusted.out).toMatch(/certificate|x509|tls/i);
  } finally {
    await new Promise((r) => server.close(r));
  }
});

test('filesystem mirror (packed layout): init, and `terraform providers lock -fs-mirror` gives the same lock', async () => {
  const mirror = built.filesystemMirror;
  expect(fs.readdirSync(path.join(mirror, 'registry.terraform.io', 'portsip', 'portsip'))).toEqual([
    `terraform-provider-portsip_${built.version}_${packaged.platform}.zip`,
  ]);
  const a = path.join(tmp, 'fs-init');
  const b = path.join(tmp, 'fs-lock');
  for (const d of [a, b]) {
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, 'main.tf'), MAIN_TF(built.version));
  }
  fs.writeFileSync(
    path.join(a, 'terraform.rc'),
    `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`,
  );
  const init = await tf(a, { TF_CLI_CONFIG_FILE: path.join(a, 'terraform.rc') }, 'init', '-no-color', '-input=false');
  expect(init.code).toBe(0);
  // providers lock needs no CLI config: the mirror is named on the command line.
  const lock = await tf(
    b,
    { TF_CLI_CONFIG_FILE: path.join(b, 'none.rc') },
    'providers',
    'lock',
    '-no-color',
    `-fs-mirror=${mirror}`,
    `-platform=${packaged.platform}`,
  );
  expect(lock.code).toBe(0);
  const la = fs.readFileSync(path.join(a, '.terraform.lock.hcl'), 'utf8');
  const lb = fs.readFileSync(path.join(b, '.terraform.lock.hcl'), 'utf8');
  expect(lb).toMatch(/"h1:[A-Za-z0-9+/=]+"/);
  expect(lb).toBe(la);
});
