// The acceptance suite's provider is the packaged single executable, and terraform (so the
// provider it starts, which inherits terraform's environment) has no node on its PATH.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VERSION } from '../../src/common/version';
import { ensurePackaged } from '../packaged';
import { startAcceptance, type Acceptance } from './portsip';

jest.setTimeout(180_000);

// PORTSIP_ACC_PROVIDER=bundle is the documented inner-loop switch to the plain bundle.
const packagedRun = process.env.PORTSIP_ACC_PROVIDER === 'bundle' ? test.skip : test;

let acc: Acceptance;
beforeAll(async () => {
  acc = await startAcceptance();
});
afterAll(async () => {
  await acc?.close();
});

packagedRun('terraform runs the packaged provider with no node on its PATH', async () => {
  const { h } = acc;
  expect(h.packaged).toBe(true);
  // The environment terraform gets, and passes on to the provider, finds no node…
  expect(spawnSync('/bin/sh', ['-c', 'command -v node'], { env: h.env }).status).not.toBe(0);
  expect(spawnSync('/bin/sh', ['-c', 'command -v node'], { env: { ...h.env, PATH: process.env.PATH } }).status).toBe(0);

  h.writeConfig(`resource "portsip_ip_rule" "office" {\n  cidr   = "192.0.2.0/24"\n  target = "ACCEPT"\n}\n`);
  await h.init();
  // …and what terraform installed is the single executable itself (an ELF/PE/Mach-O binary,
  // not a script naming a node), the same bytes as the release zip holds.
  const installed = path.join(h.workDir, '.terraform', 'providers', 'registry.terraform.io', 'portsip', 'portsip', VERSION);
  const [platform] = fs.readdirSync(installed);
  const exe = fs.realpathSync(path.join(installed, platform!, `terraform-provider-portsip_v${VERSION}`));
  const head = Buffer.alloc(4);
  const fd = fs.openSync(exe, 'r');
  fs.readSync(fd, head, 0, 4, 0);
  fs.closeSync(fd);
  expect(head.subarray(0, 2).toString('latin1')).not.toBe('#!');
  expect(fs.statSync(exe).size).toBe(fs.statSync((await ensurePackaged()).providerExe).size);

  // The provider reports itself at start-up: the packaged executable, this version.
  const r = await h.tfWithEnv({ TF_LOG_PROVIDER: 'DEBUG' }, 'apply', '-input=false', '-no-color', '-auto-approve');
  expect(r.code).toBe(0);
  const started = r.stderr.split('\n').find((l) => l.includes('plugin server started'));
  expect(started).toBeDefined();
  expect(started).toMatch(/packaged=true/);
  expect(started).toContain(`version=${VERSION}`);
  expect(h.resource('portsip_ip_rule.office')?.attributes.cidr).toBe('192.0.2.0/24');
  await h.destroy();
});
