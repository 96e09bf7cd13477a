// examples/service-provider end to end: its app.synth() output is applied by real terraform
// (through the offline mirror) against the emulator, re-planned with no changes, checked for drift
// after an out-of-band change, and destroyed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildApp, STACK_NAME } from '../../examples/service-provider/app';
import { DEALERS, IP_RULES, TENANTS } from '../../examples/service-provider/customers';
import { attrs, expectPlan, withAcceptance } from './portsip';

jest.setTimeout(300_000);

const DEALER_PASSWORD = 'Dealer-acc-S3cret';
const SMTP_PASSWORD = 'Smtp-acc-S3cret';

function synthesize(): { json: string; outdir: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-example-'));
  buildApp({ outdir }).app.synth();
  return { json: fs.readFileSync(path.join(outdir, 'stacks', STACK_NAME, 'cdk.tf.json'), 'utf8'), outdir };
}

test('synth → terraform apply → empty re-plan → drift → destroy', () =>
  withAcceptance(
    async ({ h, api }) => {
      const { json, outdir } = synthesize();
      try {
        // Secrets are variables, not values: nothing secret is in the synthesized JSON.
        expect(json).not.toContain(DEALER_PASSWORD);
        expect(JSON.parse(json).variable.dealer_initial_password).toMatchObject({ sensitive: true, ephemeral: true });
        h.writeFile('cdk.tf.json', json);
        await h.init();
        const apply = await h.apply();
        expect(apply.stdout).toMatch(/Apply complete! Resources: \d+ added, 0 changed, 0 destroyed/);

        await expectPlan(h, 0, 're-plan after apply');

        // What the PBX now holds.
        const tenants = await api.tenants.listAll();
        expect(tenants.map((t) => t.domain).sort()).toEqual(TENANTS.map((t) => t.domain).sort());
        const dealers = await api.dealers.listAll();
        expect(dealers.map((d) => d.name).sort()).toEqual(DEALERS.map((d) => d.name).sort());
        expect((await api.ipRules.listAll()).length).toBe(IP_RULES.length);
        const dental = attrs(h, 'portsip_tenant.tenant-acme-dental');
        expect(dental.dealer_id).toBe(attrs(h, 'portsip_dealer.dealer-acme-telecom').id);
        expect(attrs(h, 'portsip_trunk_assignment.trunk-acme-dental-twilio')).toMatchObject({
          tenant_id: dental.id,
          did_numbers: '12125550100-12125550149',
        });
        // Write-only secrets never reach state.
        expect(h.stateText()).not.toContain(DEALER_PASSWORD);
        expect(h.stateText()).not.toContain(SMTP_PASSWORD);
        const outputs = (await h.showJson()).values.outputs;
        expect(Object.keys(outputs.tenant_ids.value).sort()).toEqual(TENANTS.map((t) => t.key).sort());

        // The nightly drift job: -refresh-only -detailed-exitcode reports an out-of-band change.
        await api.tenants.update(String(dental.id), { max_concurrent_calls: 99 });
        const drift = await expectPlan(h, 2, 'drift check', '-refresh-only');
        expect(drift.stdout).toMatch(/portsip_tenant\.tenant-acme-dental has changed/);
        expect(drift.stdout).toMatch(/max_concurrent_calls\s+= 20 -> 99/);

        await h.destroy();
        expect(await api.tenants.listAll()).toEqual([]);
        expect(await api.dealers.listAll()).toEqual([]);
      } finally {
        fs.rmSync(outdir, { recursive: true, force: true });
      }
    },
    { env: { TF_VAR_dealer_initial_password: DEALER_PASSWORD, TF_VAR_smtp_password: SMTP_PASSWORD } },
  ));
