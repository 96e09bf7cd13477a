// Every example the Registry docs show (examples/provider, examples/resources/<type>,
// examples/data-sources/<type>) is a valid configuration for the real provider: each example folder
// is copied into its own working directory, initialised from the harness's mirror and checked with
// `terraform validate` (the provider's own ValidateResourceConfig / ValidateDataResourceConfig run,
// offline, no PBX). The folders must be `terraform fmt` clean and cover every type the provider serves.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { portsipProvider } from '../../src/resources/provider';
import { PROVIDER_SOURCE, REPO_ROOT, TerraformHarness, type TfResult } from './harness';

jest.setTimeout(600_000);

const EXAMPLES = path.join(REPO_ROOT, 'examples');

interface Example {
  /** e.g. "resources/portsip_dealer" */
  rel: string;
  /** The file the docs page embeds. */
  main: string;
}

function examples(): Example[] {
  const out: Example[] = [{ rel: 'provider', main: 'provider.tf' }];
  for (const [dir, main] of [
    ['resources', 'resource.tf'],
    ['data-sources', 'data-source.tf'],
  ] as const) {
    for (const type of fs.readdirSync(path.join(EXAMPLES, dir)).sort()) out.push({ rel: `${dir}/${type}`, main });
  }
  return out;
}

function show(what: string, r: TfResult): string {
  return `${what}: exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

let h: TerraformHarness;
beforeAll(async () => {
  h = await TerraformHarness.create({ env: { TF_LOG: undefined, TF_LOG_PROVIDER: undefined } });
});
afterAll(() => h?.cleanup());

test('there is an example for the provider, every resource (with import.sh) and every data source', () => {
  const dirs = (d: string) => fs.readdirSync(path.join(EXAMPLES, d)).sort();
  expect(dirs('resources')).toEqual(Object.keys(portsipProvider.resources).sort());
  expect(dirs('data-sources')).toEqual(Object.keys(portsipProvider.dataSources).sort());
  for (const t of dirs('resources')) {
    expect(fs.existsSync(path.join(EXAMPLES, 'resources', t, 'resource.tf'))).toBe(true);
    expect(fs.existsSync(path.join(EXAMPLES, 'resources', t, 'import.sh'))).toBe(true);
  }
  for (const t of dirs('data-sources')) expect(fs.existsSync(path.join(EXAMPLES, 'data-sources', t, 'data-source.tf'))).toBe(true);
});

test('the examples are `terraform fmt` clean', async () => {
  const dirs = ['provider', 'resources', 'data-sources'].map((d) => path.join(EXAMPLES, d));
  const r = await h.tf('fmt', '-check', '-recursive', '-diff', ...dirs);
  expect({ code: r.code, diff: r.stdout }).toEqual({ code: 0, diff: '' });
});

test('every example passes `terraform validate` with the real provider', async () => {
  const all = examples();
  expect(all.length).toBeGreaterThan(20);
  const failures: string[] = [];
  const checked: string[] = [];
  for (const ex of all) {
    const src = path.join(EXAMPLES, ex.rel);
    const dir = ex.rel.replace(/\//g, '__');
    const files = fs.readdirSync(src).filter((f) => f.endsWith('.tf'));
    expect(files).toContain(ex.main);
    for (const f of files) h.writeFile(path.join(dir, f), fs.readFileSync(path.join(src, f), 'utf8'));
    // Examples leave out the terraform block the Registry page would not show; pin the mirror's build.
    const hasTerraformBlock = files.some((f) => /^terraform\s*\{/m.test(fs.readFileSync(path.join(src, f), 'utf8')));
    if (!hasTerraformBlock) {
      h.writeFile(
        path.join(dir, 'versions_test.tf'),
        `terraform {\n  required_providers {\n    portsip = {\n      source  = "${PROVIDER_SOURCE}"\n      version = "${h.version}"\n    }\n  }\n}\n`,
      );
    }
    const init = await h.tf(`-chdir=${dir}`, 'init', '-input=false', '-backend=false');
    if (init.code !== 0) {
      failures.push(show(`${ex.rel}: terraform init`, init));
      continue;
    }
    const v = await h.tf(`-chdir=${dir}`, 'validate', '-json');
    let report: { valid?: boolean; error_count?: number; warning_count?: number; diagnostics?: unknown[] } = {};
    try {
      report = JSON.parse(v.stdout);
    } catch {
      // reported below with the raw output
    }
    // Valid, and without warnings: an example should not teach anything terraform or the provider warns about.
    if (v.code !== 0 || report.valid !== true || report.warning_count !== 0) failures.push(show(`${ex.rel}: terraform validate`, v));
    else checked.push(ex.rel);
  }
  expect(failures).toEqual([]);
  expect(checked).toHaveLength(all.length);
});

test('validate really runs the provider: a broken copy of an example is rejected, naming the attribute', async () => {
  const src = fs.readFileSync(path.join(EXAMPLES, 'resources', 'portsip_transport', 'resource.tf'), 'utf8');
  const broken = src.replace('protocol     = "TLS"', 'protocol     = "tls"');
  expect(broken).not.toBe(src);
  h.writeFile(path.join('broken', 'resource.tf'), broken);
  h.writeFile(path.join('broken', 'versions_test.tf'), h.requiredProviders);
  expect((await h.tf('-chdir=broken', 'init', '-input=false', '-backend=false')).code).toBe(0);
  const v = await h.tf('-chdir=broken', 'validate', '-json');
  expect(v.code).toBe(1);
  const report = JSON.parse(v.stdout) as { diagnostics: { detail?: string }[] };
  expect(report.diagnostics.map((d) => d.detail ?? '').join('\n')).toMatch(/"protocol" must be one of "UDP", "TCP", "TLS"/);
});
