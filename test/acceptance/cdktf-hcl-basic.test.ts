// examples/hcl-basic, the plain-Terraform twin of the cdktf example, applies against the emulator
// and re-plans with no changes (so the HCL in the docs keeps working).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { attrs, expectPlan, withAcceptance } from './portsip';
import { REPO_ROOT } from './harness';

jest.setTimeout(240_000);

const DIR = path.join(REPO_ROOT, 'examples', 'hcl-basic');

test('examples/hcl-basic: apply, empty re-plan, destroy', () =>
  withAcceptance(
    async ({ h, api, emu }) => {
      for (const f of fs.readdirSync(DIR).filter((x) => x.endsWith('.tf'))) h.writeFile(f, fs.readFileSync(path.join(DIR, f), 'utf8'));
      await h.init();
      await h.apply();
      await expectPlan(h, 0, 're-plan after apply');
      const tenant = attrs(h, 'portsip_tenant.acme');
      expect(tenant.dealer_id).toBe(attrs(h, 'portsip_dealer.reseller').id);
      expect((await api.tenants.get(String(tenant.id))).domain).toBe('acme-dental.voice.example.com');
      // The trunk id came from data.portsip_trunks (by name), not from a variable holding an id.
      const twilio = emu.seedIds.providers[0];
      expect(attrs(h, 'portsip_trunk_assignment.acme').trunk_id).toBe(twilio);
      expect(await api.providers.getAssignment(twilio, String(tenant.id))).toMatchObject({ did_numbers: '12125550100-12125550149' });
      expect(h.stateText()).not.toContain('Hcl-basic-S3cret');
      await h.destroy();
      expect(await api.tenants.listAll()).toEqual([]);
    },
    { env: { TF_VAR_dealer_password: 'Hcl-basic-S3cret' } },
  ));
