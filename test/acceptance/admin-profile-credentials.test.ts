// portsip_admin_profile changing the provider's OWN credentials end to end (Ops 11 and 12):
// real terraform -> dist/provider.js -> the emulator. The apply that renames the account and changes
// its password finishes with the token it signed in with; every later command must use the new
// credentials, and the old ones stop working. The current password sent with the change is the one the
// provider signed in with (there is no old_password_wo).
import { ADMIN_PASSWORD, attrs, canSignIn, expectExit, withAcceptance } from './portsip';

jest.setTimeout(240_000);

const profile = (name: string, version: number) => `
variable "new_pw" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "portsip_admin_profile" "me" {
  name                = "${name}"
  display_name        = "Platform automation"
  new_password_wo     = var.new_pw
  password_wo_version = ${version}
}
`;

test("renaming the provider's own account and changing its password: the apply completes, the new credentials work, the old ones do not", () =>
  withAcceptance(async ({ h, emu }) => {
    const second = 'Second-Adm1n-Pw';
    const third = 'Third-Adm1n-Pw';
    h.writeConfig(profile('platform_ops', 1));
    await h.init();
    expectExit(
      await h.tfWithEnv({ TF_VAR_new_pw: second }, 'apply', '-input=false', '-no-color', '-auto-approve'),
      0,
      'apply renaming the own account',
    );
    expect(attrs(h, 'portsip_admin_profile.me')).toMatchObject({
      name: 'platform_ops',
      display_name: 'Platform automation',
      new_password_wo: null,
      password_wo_version: 1,
    });
    expect(attrs(h, 'portsip_admin_profile.me')).not.toHaveProperty('old_password_wo');
    for (const secret of [ADMIN_PASSWORD, second]) expect(h.stateText()).not.toContain(secret);
    expect(await canSignIn(emu.url, 'platform_ops', second)).toBe(true);
    expect(await canSignIn(emu.url, 'admin', ADMIN_PASSWORD)).toBe(false);
    expect(await canSignIn(emu.url, 'platform_ops', ADMIN_PASSWORD)).toBe(false);

    // The old credentials now fail with a diagnostic that says what to check; the new ones plan clean.
    const stale = await h.tfWithEnv({ TF_VAR_new_pw: second }, 'plan', '-input=false', '-no-color', '-detailed-exitcode');
    expect(stale.code).toBe(1);
    expect(stale.stdout + stale.stderr).toMatch(/username|password|PORTSIP_USERNAME/);
    const NEW = { PORTSIP_USERNAME: 'platform_ops', PORTSIP_PASSWORD: second, TF_VAR_new_pw: third };
    expectExit(await h.tfWithEnv(NEW, 'plan', '-input=false', '-no-color', '-detailed-exitcode'), 0, 'plan with the new credentials');

    // Rotate again by bumping the version: only the password endpoint is called.
    h.writeConfig(profile('platform_ops', 2));
    emu.resetStats();
    expectExit(await h.tfWithEnv(NEW, 'apply', '-input=false', '-no-color', '-auto-approve'), 0, 'second rotation');
    expect(emu.stats().byRoute['POST /api/admin/user/password']).toBe(1);
    expect(emu.stats().byRoute['POST /api/admin/user/username'] ?? 0).toBe(0);
    expect(await canSignIn(emu.url, 'platform_ops', third)).toBe(true);
    expect(await canSignIn(emu.url, 'platform_ops', second)).toBe(false);
    for (const secret of [second, third]) expect(h.stateText()).not.toContain(secret);

    // Destroy forgets the profile: the account and its credentials stay.
    const LAST = { PORTSIP_USERNAME: 'platform_ops', PORTSIP_PASSWORD: third, TF_VAR_new_pw: third };
    expectExit(await h.tfWithEnv(LAST, 'destroy', '-input=false', '-no-color', '-auto-approve'), 0, 'destroy');
    expect(await canSignIn(emu.url, 'platform_ops', third)).toBe(true);
  }));
