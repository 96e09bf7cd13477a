// Write-only-only secrets end to end (real terraform -> dist/provider.js -> the emulator):
// - a dealer or system user created without `password_wo` is refused at `terraform plan` (not half-way
//   through an apply), while `terraform validate` accepts the same config (it may be an imported account);
// - a tenant webhook's `password_wo` reaches the PBX, is never in state or `terraform show -json`, and
//   bumping `credentials_wo_version` re-sends a new one (changing the password alone does not).
import { attrs, expectExit, expectPlan, liveCounts, withAcceptance } from './portsip';

jest.setTimeout(240_000);

test('a dealer or system user without password_wo fails at plan, naming password_wo; nothing reaches the PBX', () =>
  withAcceptance(async ({ h, emu, api }) => {
    h.writeConfig(`
resource "portsip_dealer" "acme" {
  name  = "acme-reseller"
  level = "DISTRIBUTOR"
}

resource "portsip_admin_user" "ops" {
  name = "ops-admin"
  role = "SystemAdmin"
}
`);
    await h.init();
    expectExit(await h.tf('validate', '-no-color'), 0, 'validate accepts a config without password_wo');
    const r = expectExit(await h.plan(), 1, 'plan without password_wo');
    expect(r.stderr).toMatch(/Attribute "password_wo" is required to create a dealer/);
    expect(r.stderr).toMatch(/Attribute "password_wo" is required to create an admin user/);
    // Terraform shows each error at the resource block it belongs to.
    expect(r.stderr).toMatch(/with portsip_dealer\.acme/);
    expect(r.stderr).toMatch(/with portsip_admin_user\.ops/);
    expect(emu.stats().byRoute['POST /api/dealers'] ?? 0).toBe(0);
    expect((await liveCounts(emu, api)).dealers).toBe(0);
    expect(h.addresses()).toEqual([]);
  }));

const FIRST = 'hookfirst7c1e9a';
const SECOND = 'hooksecond4b2d8f';

const tenantConfig = (version: number) => `
variable "hook_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "portsip_tenant" "acme" {
  name     = "ACME"
  domain   = "acme.example.com"
  timezone = "UTC"
  currency = "USD"
  region   = "USA"

  cdr_event {
    enabled                = true
    auth                   = "BASIC"
    username               = "hookuser1"
    password_wo            = var.hook_password
    credentials_wo_version = ${version}
    url                    = "https://hooks.example.com/cdr"
  }
}
`;

/**
 * Every `password`/`token`/`*_wo` key holding a string, anywhere in a JSON document (`sensitive_values`
 * marks a sensitive path with `true`, which holds nothing).
 */
function secretKeysWithValues(doc: unknown, at = '$'): string[] {
  if (Array.isArray(doc)) return doc.flatMap((v, i) => secretKeysWithValues(v, `${at}[${i}]`));
  if (doc === null || typeof doc !== 'object') return [];
  return Object.entries(doc as Record<string, unknown>).flatMap(([k, v]) => {
    const here = /^(password|token|password_wo|token_wo)$/.test(k) && typeof v === 'string' ? [`${at}.${k}`] : [];
    return [...here, ...secretKeysWithValues(v, `${at}.${k}`)];
  });
}

test('tenant webhook BASIC with password_wo: the PBX gets it, state never holds it, credentials_wo_version re-sends it', () =>
  withAcceptance(
    async ({ h, api }) => {
      h.writeConfig(tenantConfig(1));
      await h.init();
      await h.apply();
      const id = String(attrs(h, 'portsip_tenant.acme').id);
      const live = async () => (await api.tenants.get(id)) as unknown as { cdr_event: Record<string, unknown> };
      expect((await live()).cdr_event).toMatchObject({ auth: 'BASIC', username: 'hookuser1', password: FIRST });

      const checkState = async (secret: string) => {
        const show = await h.showJson();
        const stateFile = JSON.parse(h.stateText());
        for (const [what, doc] of [
          ['terraform show -json', show],
          ['terraform.tfstate', stateFile],
        ] as const) {
          expect({ what, leaked: JSON.stringify(doc).includes(secret) }).toEqual({ what, leaked: false });
          expect({ what, keys: secretKeysWithValues(doc) }).toEqual({ what, keys: [] });
        }
        const hook = (attrs(h, 'portsip_tenant.acme').cdr_event as Record<string, unknown>[] | Record<string, unknown>) ?? {};
        const block = Array.isArray(hook) ? hook[0]! : hook;
        expect(block).toMatchObject({ username: 'hookuser1', password_wo: null, token_wo: null });
        expect(block).not.toHaveProperty('password');
        expect(block).not.toHaveProperty('token');
      };
      await checkState(FIRST);
      await expectPlan(h, 0, 'after create');

      // A new password alone is invisible to Terraform (write-only): no change, nothing sent.
      h.env.TF_VAR_hook_password = SECOND;
      await expectPlan(h, 0, 'new password without a version bump');
      expect((await live()).cdr_event.password).toBe(FIRST);

      // Bumping the version re-sends it.
      h.writeConfig(tenantConfig(2));
      const plan = await expectPlan(h, 2, 'credentials_wo_version bumped');
      expect(plan.stdout).toMatch(/credentials_wo_version\s+= 1 -> 2/);
      expect(plan.stdout).not.toContain(SECOND);
      await h.apply();
      expect((await live()).cdr_event).toMatchObject({ auth: 'BASIC', username: 'hookuser1', password: SECOND, enabled: true });
      await checkState(SECOND);
      expect(h.stateText()).not.toContain(FIRST);
      await expectPlan(h, 0, 'after re-sending');

      await h.destroy();
      expect(h.addresses()).toEqual([]);
    },
    { env: { TF_VAR_hook_password: FIRST } },
  ));
