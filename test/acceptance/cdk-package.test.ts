// Constructs as packages (docs/cdktf.md "Packages"): `npm pack` of the jsii package of each binding
// flavour -- @portsip/cdktf-provider-portsip (cdktf 0.21) and @portsip/cdktn-provider-portsip (CDK
// Terrain 0.24) -- is installed into a fresh app outside this repository (test/cdktf/fresh-app.ts),
// which synthesizes the service-provider stack; the released provider (the packaged executable the
// harness installs into a filesystem mirror) applies it against the emulator, a re-plan is empty,
// and destroy empties the PBX. Offline: every package comes from a tarball.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEALERS, IP_RULES, TENANTS } from '../../examples/service-provider/customers';
import { createFreshApp, PACKAGE_NAME, REPO_ROOT, type Flavour } from '../cdktf/fresh-app';
import { attrs, expectPlan, withAcceptance } from './portsip';

jest.setTimeout(240_000);

const DEALER_PASSWORD = 'Dealer-pkg-S3cret';
const SMTP_PASSWORD = 'Smtp-pkg-S3cret';

describe.each<Flavour>(['cdktf', 'cdktn'])('%s: packed constructs in a fresh app', (flavour) => {
  test('npm pack → install outside the repository → synth → terraform apply with the released provider → empty re-plan → destroy', async () => {
    const app = createFreshApp(flavour);
    try {
      // The tarball: the compiled bindings and their jsii assembly, nothing else (no sources, no
      // node_modules links from the build folder), at the one version of package.json.
      const entries = spawnSync('tar', ['-tzf', app.tarball], { encoding: 'utf8' }).stdout.trim().split('\n');
      expect(entries.filter((e) => !/^package\/(lib\/.+\.(js|d\.ts)|\.jsii|README\.md|package\.json)$/.test(e))).toEqual([]);
      expect(entries).toEqual(expect.arrayContaining(['package/.jsii', 'package/lib/index.js', 'package/lib/tenant/index.d.ts']));
      const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version;
      expect(path.basename(app.tarball)).toBe(`${PACKAGE_NAME[flavour].replace('@', '').replace('/', '-')}-${version}.tgz`);

      // Everything the app runs comes from its own node_modules, not from this checkout.
      for (const pkg of [PACKAGE_NAME[flavour], flavour, 'constructs']) {
        const where = app.resolved(pkg);
        expect(where.startsWith(path.join(app.dir, 'node_modules') + path.sep)).toBe(true);
        expect(where.startsWith(REPO_ROOT + path.sep)).toBe(false);
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time (the app's own copy)
      const constructsVersion = (require(app.resolved('constructs')) as { version: string }).version;
      // cdktn 0.24 asks constructs >=10.6.0 <10.8.0; cdktf 0.21 takes this repository's 10.8.1.
      expect(constructsVersion).toBe(flavour === 'cdktn' ? '10.6.0' : '10.8.1');

      const json = app.synth();
      const tf = JSON.parse(json) as Record<string, any>;
      // Secrets are variables, never values in the synthesized JSON.
      expect(json).not.toContain(DEALER_PASSWORD);
      expect(tf.variable.dealer_initial_password).toMatchObject({ sensitive: true, ephemeral: true });
      expect(Object.keys(tf.resource.portsip_tenant).length).toBe(TENANTS.length);
      // Write-only attributes are synthesized as references to the ephemeral variables.
      const dealer = Object.values(tf.resource.portsip_dealer)[0] as Record<string, unknown>;
      expect(dealer.password_wo).toBe('${var.dealer_initial_password}');
      expect(tf.terraform.required_providers.portsip).toEqual({
        source: 'registry.terraform.io/portsip/portsip',
        version,
      });
      if (flavour === 'cdktn') {
        // Proper write-only props: cdktn knows the dealer and SMTP passwords are write-only and
        // refuses to synthesize them for a project that also targets Terraform < 1.11.
        expect(() => app.synth({ CDKTF_CONTEXT_JSON: JSON.stringify({ targetVersions: { terraform: '>=1.5.7' } }) })).toThrow(
          /\[service-provider\/dealer-acme-telecom\] write-only attributes requires terraform >=1\.11\.0, but the project targets terraform >=1\.5\.7/,
        );
      }

      await withAcceptance(
        async ({ h, api }) => {
          h.writeFile('cdk.tf.json', json);
          await h.init();
          const apply = await h.apply();
          expect(apply.stdout).toMatch(/Apply complete! Resources: \d+ added, 0 changed, 0 destroyed/);
          await expectPlan(h, 0, 're-plan after apply');

          expect((await api.tenants.listAll()).map((t) => t.domain).sort()).toEqual(TENANTS.map((t) => t.domain).sort());
          expect((await api.dealers.listAll()).map((d) => d.name).sort()).toEqual(DEALERS.map((d) => d.name).sort());
          expect((await api.ipRules.listAll()).length).toBe(IP_RULES.length);
          const dental = attrs(h, 'portsip_tenant.tenant-acme-dental');
          expect(dental.dealer_id).toBe(attrs(h, 'portsip_dealer.dealer-acme-telecom').id);
          expect(h.stateText()).not.toContain(DEALER_PASSWORD);
          expect(h.stateText()).not.toContain(SMTP_PASSWORD);

          await h.destroy();
          expect(await api.tenants.listAll()).toEqual([]);
          expect(await api.dealers.listAll()).toEqual([]);
        },
        { env: { TF_VAR_dealer_initial_password: DEALER_PASSWORD, TF_VAR_smtp_password: SMTP_PASSWORD } },
      );
    } finally {
      app.cleanup();
    }
  });
});
