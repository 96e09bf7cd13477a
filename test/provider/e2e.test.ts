// End to end against the REAL terraform 1.11.4, offline, through a filesystem mirror: the protocol
// server (src/provider) serving a test-only fake provider (fixtures/fake-provider.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleProvider } from '../acceptance/bundle';
import { TerraformHarness } from '../acceptance/harness';

jest.setTimeout(300_000);

const SECRET = 's3cret-never-in-state-7f3a';
let bundle: string;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tfp-e2e-'));
  bundle = await bundleProvider(path.join(__dirname, 'fixtures', 'fake-main.ts'), path.join(tmp, 'fake-provider.js'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function harness(name: string): Promise<{ h: TerraformHarness; store: string }> {
  const store = path.join(tmp, `${name}-store.json`);
  const h = await TerraformHarness.create({ providerEntry: bundle, env: { FAKE_STORE: store, TF_VAR_pw: SECRET } });
  return { h, store };
}

const readStore = (p: string) => JSON.parse(fs.readFileSync(p, 'utf8'));

function thingConfig(o: { description?: string; kind?: string; pwVersion?: number } = {}): string {
  return `
variable "pw" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "portsip_fake_thing" "a" {
  name             = "alpha"
  kind             = "${o.kind ?? 'basic'}"
  description      = "${o.description ?? 'first'}"
  big              = 9007199254740993
  ratio            = 0.1
  tags             = { env = "dev", "//" = "kept as a key" }
  labels           = ["b", "a"]
  extra            = { nested = [1, "two"], flag = true }
  password         = var.pw
  password_version = ${o.pwVersion ?? 1}

  rule {
    cidr = "10.0.0.0/8"
  }
  rule {
    cidr = "192.168.0.0/16"
    note = "lan"
  }
  options {
    color = "blue"
  }
}

data "portsip_fake_info" "a" {
  name = portsip_fake_thing.a.name
}

output "size" {
  value = data.portsip_fake_info.a.size
}
`;
}

test('providers schema -json shows the schema, including write_only', async () => {
  const { h } = await harness('schema');
  try {
    h.writeConfig('');
    await h.init();
    const schema = await h.providersSchema();
    const p = schema.provider_schemas['registry.terraform.io/portsip/portsip'];
    const thing = p.resource_schemas.portsip_fake_thing;
    expect(thing.version).toBe(1);
    expect(thing.block.attributes.password).toMatchObject({ type: 'string', optional: true, write_only: true, sensitive: true });
    expect(thing.block.attributes.size).toMatchObject({ type: 'number', optional: true, computed: true });
    expect(thing.block.attributes.tags.type).toEqual(['map', 'string']);
    expect(thing.block.attributes.extra.type).toBe('dynamic');
    expect(thing.block.attributes.id.description_kind).toBe('markdown');
    expect(thing.block.block_types.rule.nesting_mode).toBe('list');
    expect(thing.block.block_types.options.nesting_mode).toBe('group');
    expect(p.data_source_schemas.portsip_fake_info.block.attributes.size).toMatchObject({ computed: true });
    expect(p.provider.block.attributes.endpoint).toMatchObject({ optional: true });
  } finally {
    h.cleanup();
  }
});

test('lifecycle: create, empty re-plan, update in place, replace, drift, write-only, destroy', async () => {
  const { h, store } = await harness('life');
  try {
    h.writeConfig(thingConfig());
    const init = await h.init();
    expect(init.stdout).toMatch(/Installed portsip\/portsip v0\.1\.0/);

    // plan of a new resource
    const plan1 = await h.planDetailed();
    expect(plan1.code).toBe(2);
    expect(plan1.stdout).toMatch(/1 to add, 0 to change, 0 to destroy/);
    console.info(`terraform plan (1 new resource, 3 provider launches): ${plan1.durationMs} ms`);

    // create
    await h.apply();
    const a = h.resource('portsip_fake_thing.a')!;
    expect(a.attributes).toMatchObject({ id: 't-1', name: 'alpha', size: 1, revision: 1, password: null, password_version: 1 });
    expect(a.attributes.tags).toEqual({ env: 'dev', '//': 'kept as a key' });
    expect(a.attributes.options).toEqual({ color: 'blue' });
    expect(a.attributes.rule).toEqual([
      { cidr: '10.0.0.0/8', note: null },
      { cidr: '192.168.0.0/16', note: 'lan' },
    ]);
    // numbers kept exactly: 2^53+1 and 0.1 (docs/protocol.md "Numbers")
    expect(h.stateText()).toMatch(/"big": 9007199254740993\b/);
    expect(h.stateText()).toMatch(/"ratio": 0\.1\b/);
    // the write-only value reached the provider in ARC, but never the state
    expect(readStore(store).things['t-1'].password_seen).toBe(SECRET);
    expect(h.stateText()).not.toContain(SECRET);
    expect(a.private).toBeTruthy(); // private data from ARC recorded
    expect(h.resource('data.portsip_fake_info.a')!.attributes).toMatchObject({ id: 't-1', size: 1 });

    // idempotence: nothing planned, not even unknown computed values (docs/protocol.md "Planned values")
    const replan = await h.planDetailed();
    expect(replan.code).toBe(0);
    expect(replan.stdout).toMatch(/No changes/);
    // private data survives refreshes: RR echoes it (docs/protocol.md "Private data")
    await h.apply('-refresh-only');
    expect(h.resource('portsip_fake_thing.a')!.private).toBe(a.private);

    // in-place update
    h.writeConfig(thingConfig({ description: 'second' }));
    const upd = await h.planDetailed();
    expect(upd.code).toBe(2);
    expect(upd.stdout).toMatch(/update in-place/);
    expect(upd.stdout).toMatch(/revision\s+= 1 -> \(known after apply\)/);
    await h.apply();
    expect(h.resource('portsip_fake_thing.a')!.attributes).toMatchObject({ id: 't-1', description: 'second', revision: 2 });
    expect(await h.planExitCode()).toBe(0);

    // replacement via requires_replace
    h.writeConfig(thingConfig({ description: 'second', kind: 'premium' }));
    const rep = await h.planDetailed();
    expect(rep.code).toBe(2);
    expect(rep.stdout).toMatch(/must be replaced/);
    expect(rep.stdout).toMatch(/# forces replacement/);
    await h.apply();
    expect(h.resource('portsip_fake_thing.a')!.attributes).toMatchObject({ id: 't-2', kind: 'premium', revision: 1 });
    expect(Object.keys(readStore(store).things)).toEqual(['t-2']);
    expect(await h.planExitCode()).toBe(0);

    // out-of-band change of a configured attribute -> plan exits 2 (docs/protocol.md "Exit codes and drift")
    const s = readStore(store);
    s.things['t-2'].attrs.description = 'changed behind our back';
    fs.writeFileSync(store, JSON.stringify(s));
    expect(await h.planExitCode()).toBe(2);
    expect(await h.planExitCode('-refresh-only')).toBe(2);
    await h.apply();
    expect(readStore(store).things['t-2'].attrs.description).toBe('second');
    expect(await h.planExitCode()).toBe(0);

    // deleted out of band -> plan wants to create it again
    const s2 = readStore(store);
    delete s2.things['t-2'];
    fs.writeFileSync(store, JSON.stringify(s2));
    const gone = await h.planDetailed();
    expect(gone.code).toBe(2);
    expect(gone.stdout).toMatch(/1 to add/);
    await h.apply();
    expect(await h.planExitCode()).toBe(0);

    // validation diagnostics carry the attribute path to the config line
    h.writeConfig(thingConfig().replace('name             = "alpha"', 'name             = "al pha"'));
    const bad = await h.plan();
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Invalid name/);
    expect(bad.stderr).toMatch(/on main\.tf line \d+, in resource "portsip_fake_thing" "a":/);
    h.writeConfig(thingConfig({ description: 'second', kind: 'premium' }));

    expect(h.stateText()).not.toContain(SECRET);

    await h.destroy();
    expect(h.addresses()).toEqual([]);
    expect(readStore(store).things).toEqual({});
  } finally {
    h.cleanup();
  }
});

test('import block by id and by natural key, then an empty plan', async () => {
  const { h, store } = await harness('import');
  try {
    fs.writeFileSync(
      store,
      JSON.stringify({
        next: 10,
        log: [],
        things: {
          't-9': {
            attrs: {
              id: 't-9',
              name: 'legacy',
              kind: null,
              description: 'old',
              size: 3,
              big: null,
              ratio: null,
              tags: null,
              labels: null,
              password_version: null,
              legacy_note: null,
              revision: 7,
              rule: [],
              options: { color: null },
            },
            extra: null,
          },
          't-5': {
            attrs: {
              id: 't-5',
              name: 'other',
              kind: null,
              description: null,
              size: 1,
              big: null,
              ratio: null,
              tags: null,
              labels: null,
              password_version: null,
              legacy_note: null,
              revision: 1,
              rule: [],
              options: { color: null },
            },
            extra: null,
          },
        },
      }),
    );
    h.writeConfig(`
import {
  to = portsip_fake_thing.legacy
  id = "t-9"
}
import {
  to = portsip_fake_thing.other
  id = "name=other"
}
resource "portsip_fake_thing" "legacy" {
  name        = "legacy"
  description = "old"
}
resource "portsip_fake_thing" "other" {
  name = "other"
}
`);
    await h.init();
    const plan = await h.planDetailed();
    expect(plan.code).toBe(2); // an import counts as a change even with zero diff (docs/protocol.md "Exit codes and drift")
    expect(plan.stdout).toMatch(/2 to import, 0 to add, 0 to change, 0 to destroy/);
    await h.apply();
    expect(h.resource('portsip_fake_thing.legacy')!.attributes).toMatchObject({ id: 't-9', size: 3, revision: 7 });
    expect(h.resource('portsip_fake_thing.other')!.attributes).toMatchObject({ id: 't-5' });
    expect(await h.planExitCode()).toBe(0);
    expect(readStore(store).log).toEqual([]); // no ARC for a no-diff import (docs/protocol.md "Import and generated configuration")

    // a missing object: the provider's diagnostic is shown
    h.writeConfig(`
import {
  to = portsip_fake_thing.nosuch
  id = "name=nosuch"
}
resource "portsip_fake_thing" "nosuch" {
  name = "nosuch"
}
`);
    const missing = await h.plan();
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no thing matches name=nosuch/);
  } finally {
    h.cleanup();
  }
});

test('Ctrl-C during apply: StopProvider aborts the work and the created object is still recorded', async () => {
  const { h, store } = await harness('interrupt');
  try {
    h.writeConfig(`
resource "portsip_fake_thing" "a" {
  name = "slow"
}
`);
    await h.init();
    const r = await h.tfInterrupted(['apply', '-auto-approve', '-no-color', '-input=false'], {
      after: /Creating\.\.\./,
      delayMs: 800,
      env: { FAKE_APPLY_DELAY_MS: '30000' },
    });
    expect(r.code).toBe(1);
    expect(r.durationMs).toBeLessThan(20_000); // did not wait out the 30 s "API call"
    expect(r.stdout + r.stderr).toMatch(/Interrupt received/);
    expect(r.stderr).toMatch(/Interrupted/);
    expect(r.stderr).not.toMatch(/Plugin did not respond/);
    // no orphan: the object the provider created is in state
    expect(h.resource('portsip_fake_thing.a')!.attributes).toMatchObject({ id: 't-1', name: 'slow' });
    expect(Object.keys(readStore(store).things)).toEqual(['t-1']);
  } finally {
    h.cleanup();
  }
});
