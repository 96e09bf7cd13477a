// Secrets never leave the provider: a dealer's write-only password (and the provider's own admin
// password) must not appear in terraform.tfstate, `terraform show -json`, plan output, a saved
// plan, or the provider's logs at the most verbose levels (TF_LOG_PROVIDER=trace + PORTSIP_LOG=debug).
// Secrets are passed through variables (docs/protocol.md "Write-only attributes": a literal would sit in the plan's
// configuration snapshot).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PortsipClient } from '../../src/client';
import { ADMIN_PASSWORD, attrs, expectPlan, withAcceptance } from './portsip';

jest.setTimeout(240_000);

const FIRST = 'Wo-Secret-First-7c1e9a';
const SECOND = 'Wo-Secret-Second-4b2d8f';

const config = (version: number) => `
variable "dealer_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "portsip_dealer" "acme" {
  name                = "acme-reseller"
  level               = "DISTRIBUTOR"
  password_wo         = var.dealer_password
  password_wo_version = ${version}
}
`;

test('write-only dealer passwords and the admin password appear in no state, plan, show output or provider log', () => {
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-secrets-'));
  const logFile = path.join(logDir, 'terraform.log');
  return withAcceptance(
    async ({ h, emu }) => {
      const outputs: string[] = [];
      h.writeConfig(config(1));
      await h.init();
      outputs.push((await h.apply()).stdout);
      outputs.push((await expectPlan(h, 0, 'after create')).stdout);

      // Rotate: new value + version bump, through a saved plan.
      h.env.TF_VAR_dealer_password = SECOND;
      h.writeConfig(config(2));
      const planned = await h.plan('-out=tfplan');
      expect(planned.code).toBe(0);
      outputs.push(planned.stdout, planned.stderr);
      outputs.push((await h.tfOk(['show', '-json', 'tfplan'])).stdout);
      outputs.push((await h.tfOk(['show', '-no-color', 'tfplan'])).stdout);
      outputs.push((await h.apply('tfplan')).stdout);
      outputs.push(JSON.stringify(await h.showJson()));
      outputs.push(h.stateText());
      expect(attrs(h, 'portsip_dealer.acme').password_wo).toBeNull();

      // The rotation really happened (so the secret did travel, just not anywhere it should not).
      const dealer = new PortsipClient({ endpoint: emu.url, username: 'acme-reseller', password: SECOND, retry: { maxAttempts: 1 } });
      await expect(dealer.signIn()).resolves.toBeUndefined();
      await dealer.close();

      await h.destroy();
      const log = fs.readFileSync(logFile, 'utf8');
      // Logging really was on: the provider's API debug records are there, redacted.
      expect(log).toMatch(/http\.request/);
      expect(log).toMatch(/\[REDACTED\]/);
      // go-plugin re-logs the provider's JSON fields in Go map order, which varies from line to line:
      // find the request line by its path, then check its method wherever it stands.
      const reset = log.split('\n').find((l) => /http\.request.* path=\/dealers\/\S+\/password /.test(l + ' '));
      expect(reset).toMatch(/ method=POST( |$)/);

      for (const secret of [FIRST, SECOND, ADMIN_PASSWORD]) {
        outputs.forEach((o, i) => expect({ output: i, leaked: o.includes(secret) }).toEqual({ output: i, leaked: false }));
        expect({ where: 'provider log', leaked: log.includes(secret) }).toEqual({ where: 'provider log', leaked: false });
      }
      expect(h.stateText()).not.toContain(SECOND);
    },
    { env: { TF_VAR_dealer_password: FIRST, TF_LOG_PROVIDER: 'trace', TF_LOG_PATH: logFile, PORTSIP_LOG: 'debug' } },
  ).finally(() => fs.rmSync(logDir, { recursive: true, force: true }));
});
