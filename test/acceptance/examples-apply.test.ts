// The Registry examples do what their pages say, against the emulator with real terraform: every
// resource example applied together (phase 1), then the trunk assignment and every data source
// example, which look up what phase 1 made (phase 2); after each apply the plan is empty. Then every
// `terraform import` command of every import.sh that uses a natural key or a singleton's fixed id is
// run exactly as written, after `state rm`. The dealer profile needs a provider signed in as a
// dealer, so it runs in its own folder as the dealer the dealer example creates.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCertificate } from '../../src/common/x509';
import { looksLikeApiId } from '../../src/resources/common/ids';
import { importCommands } from '../../scripts/gen-docs/generate';
import { REPO_ROOT, type TerraformHarness, type TfResult } from './harness';
import { attrs, expectExit, importBlock, withAcceptance } from './portsip';

jest.setTimeout(600_000);

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const DEALER_PASSWORD = 'Dealer-Examp1e';
const TRUNK_PASSWORD = 'Trunk-Examp1e';
const SEPARATE = ['portsip_dealer_profile'];
const PHASE_2 = ['portsip_trunk_assignment'];

/** Copies an example folder's .tf files into `dir` of the working directory, prefixed so names never clash. */
function copyExample(h: TerraformHarness, rel: string, dir = '.'): void {
  const src = path.join(EXAMPLES, rel);
  for (const f of fs.readdirSync(src).filter((n) => n.endsWith('.tf'))) {
    h.writeFile(path.join(dir, `${rel.replace(/\//g, '__')}__${f}`), fs.readFileSync(path.join(src, f), 'utf8'));
  }
}

function ok(r: TfResult, what: string): TfResult {
  return expectExit(r, 0, what);
}

const applyArgs = ['apply', '-input=false', '-no-color', '-auto-approve'];
const planArgs = ['plan', '-input=false', '-no-color', '-detailed-exitcode'];

test('every resource and data source example applies against the emulator, converges, and its import.sh works', () => {
  const pem = createCertificate({ commonName: 'pbx.example.com', dnsNames: ['pbx.example.com'], days: 30 });
  const stir = createCertificate({ commonName: 'STIR/SHAKEN example', dnsNames: ['sti.example.com'], days: 30 });
  const vars: Record<string, string> = {
    TF_VAR_dealer_password: DEALER_PASSWORD,
    TF_VAR_trunk_password: TRUNK_PASSWORD,
    TF_VAR_ops_admin_password: 'Ops-Examp1e',
    TF_VAR_smtp_password: 'smtp-secret',
    TF_VAR_cdr_webhook_token: 'cdr-token-examp1e',
    TF_VAR_tls_fullchain_pem: pem.certPem,
    TF_VAR_tls_private_key_pem: pem.keyPem,
    TF_VAR_stir_shaken_cert_pem: stir.certPem,
    TF_VAR_stir_shaken_key_pem: stir.keyPem,
  };
  return withAcceptance(
    async ({ h, emu }) => {
      const resources = fs.readdirSync(path.join(EXAMPLES, 'resources')).sort();
      const dataSources = fs.readdirSync(path.join(EXAMPLES, 'data-sources')).sort();
      h.writeConfig('# the examples sit next to this file\n');

      // Phase 1: every resource that needs nothing from another example.
      for (const t of resources) if (!SEPARATE.includes(t) && !PHASE_2.includes(t)) copyExample(h, `resources/${t}`);
      await h.init();
      ok(await h.tf(...applyArgs), 'phase 1 apply');
      expect(ok(await h.tf(...planArgs), 'phase 1 re-plan').code).toBe(0);

      // Phase 2: the assignment of a seeded trunk to the example tenant, and the lookups.
      const tenantId = String(attrs(h, 'portsip_tenant.acme').id);
      const env2 = { TF_VAR_trunk_id: emu.seedIds.providers[0], TF_VAR_tenant_id: tenantId };
      for (const t of PHASE_2) copyExample(h, `resources/${t}`);
      for (const t of dataSources) copyExample(h, `data-sources/${t}`);
      ok(await h.tfWithEnv(env2, ...applyArgs), 'phase 2 apply');
      expect(ok(await h.tfWithEnv(env2, ...planArgs), 'phase 2 re-plan').code).toBe(0);
      const outputs = JSON.parse(ok(await h.tf('output', '-json'), 'output').stdout) as Record<string, { value: unknown }>;
      expect(outputs.acme_tenant_id!.value).toBe(tenantId);
      expect(outputs.reseller_id!.value).toBe(attrs(h, 'portsip_dealer.reseller').id);
      expect(outputs.blocked_networks!.value).toEqual(['198.51.100.7/32']);
      expect(outputs.sip_udp_status!.value).toEqual(expect.any(String));
      expect(outputs.twilio_trunk_id!.value).toBe(emu.seedIds.providers[0]);
      expect(outputs.usa_tenant_domains!.value).toEqual([attrs(h, 'portsip_tenant.acme').domain]);
      expect(outputs.reseller_names!.value).toEqual(['acme-telecom']);
      expect(outputs.tls_ports!.value).toEqual([5061]);
      expect(h.stateText()).not.toContain(DEALER_PASSWORD);
      expect(h.stateText()).not.toContain(TRUNK_PASSWORD);
      expect(h.stateText()).not.toContain('cdr-token-examp1e');
      expect(h.stateText()).not.toContain(pem.keyPem.split('\n')[1]);

      // Phase 3: every import id of the docs, through `import` blocks (the form the pages show
      // first): one apply per round, round i taking each resource's i-th import.sh command. Natural
      // keys and fixed ids go as written; the API-id forms hold made-up ids, so they go with the
      // real id of the same shape from state.
      const commands = resources
        .filter((r) => !SEPARATE.includes(r))
        .map((t) => importCommands(fs.readFileSync(path.join(EXAMPLES, 'resources', t, 'import.sh'), 'utf8')));
      let imported = 0;
      for (let round = 0; commands.some((cs) => cs[round]); round++) {
        const batch = commands.flatMap((cs) => (cs[round] ? [cs[round]!] : []));
        const before = new Map(batch.map((c) => [c.address, String(attrs(h, c.address).id)]));
        const blocks = batch.map((c) => {
          const idForm = c.id.split('/').every(looksLikeApiId);
          if (idForm) expect(before.get(c.address)!.split('/').map(looksLikeApiId)).toEqual(c.id.split('/').map(() => true));
          return importBlock(c.address, idForm ? before.get(c.address)! : c.id);
        });
        ok(await h.tf('state', 'rm', '-no-color', ...before.keys()), `state rm, round ${round}`);
        h.writeFile('import.tf', blocks.join('\n'));
        const r = ok(await h.tfWithEnv(env2, ...applyArgs), `import round ${round}`);
        h.removeFile('import.tf');
        expect(r.stdout).toMatch(new RegExp(`Apply complete! Resources: ${batch.length} imported`));
        for (const [address, id] of before) expect({ address, id: attrs(h, address).id }).toEqual({ address, id });
        imported += batch.length;
      }
      // Two forms (API id, natural key) for 6 resources, one for the assignment and each singleton.
      expect(imported).toBe(6 * 2 + 1 + 9);
      // Each import apply also applied what the import left different (write-only versions, brand).
      expect(ok(await h.tfWithEnv(env2, ...planArgs), 're-plan after the imports').code).toBe(0);

      // The dealer profile, as the dealer the dealer example created.
      copyExample(h, 'resources/portsip_dealer_profile', 'dealer');
      h.writeFile('dealer/versions.tf', h.requiredProviders);
      const asDealer = { PORTSIP_USERNAME: 'acme-telecom', PORTSIP_PASSWORD: DEALER_PASSWORD };
      ok(await h.tfWithEnv(asDealer, '-chdir=dealer', 'init', '-input=false', '-no-color'), 'dealer init');
      ok(await h.tfWithEnv(asDealer, '-chdir=dealer', ...applyArgs), 'dealer profile apply');
      expect(ok(await h.tfWithEnv(asDealer, '-chdir=dealer', ...planArgs), 'dealer profile re-plan').code).toBe(0);
      const sh = fs.readFileSync(path.join(EXAMPLES, 'resources', 'portsip_dealer_profile', 'import.sh'), 'utf8');
      for (const c of importCommands(sh)) {
        ok(await h.tfWithEnv(asDealer, '-chdir=dealer', 'state', 'rm', '-no-color', c.address), 'dealer state rm');
        ok(await h.tfWithEnv(asDealer, '-chdir=dealer', 'import', '-input=false', '-no-color', c.address, c.id), 'dealer profile import');
      }
      const profile = JSON.parse(fs.readFileSync(path.join(h.workDir, 'dealer', 'terraform.tfstate'), 'utf8')) as {
        resources: { type: string; instances: { attributes: Record<string, unknown> }[] }[];
      };
      expect(profile.resources.find((r) => r.type === 'portsip_dealer_profile')!.instances[0]!.attributes).toMatchObject({
        id: 'dealer_profile',
        name: 'acme-telecom',
        display_name: 'ACME Telecom',
      });
    },
    { env: vars },
  );
});
