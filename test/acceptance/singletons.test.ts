// The settings singletons end to end (real terraform -> dist/provider.js -> the emulator):
// portsip_network_settings, portsip_system_settings, portsip_sbc_settings, portsip_im_server and
// portsip_data_flow_server share one working directory per test (each terraform command costs
// 1-2 s), with assertions per resource. docs/design.md "Resource behaviour": create adopts, delete forgets unless
// reset_on_destroy = true.
import { attrs, expectExit, expectPlan, reimport, withAcceptance } from './portsip';

jest.setTimeout(240_000);

interface Values {
  webDomain: string;
  userAgent: string;
  sessionTimer: number;
  httpPort: number;
  imPublic: string;
  dfPrivate: string;
  reset?: boolean;
}

const settings = (v: Values) => {
  const reset = v.reset ? '\n  reset_on_destroy = true' : '';
  return `
resource "portsip_network_settings" "net" {
  web_domain  = "${v.webDomain}"
  enable_ipv6 = false${reset}
}

resource "portsip_system_settings" "sys" {
  user_agent             = "${v.userAgent}"
  session_timer_duration = ${v.sessionTimer}${reset}
}

resource "portsip_sbc_settings" "sbc" {
  http_port = ${v.httpPort}${reset}
}

resource "portsip_im_server" "im" {
  public_ipv4 = "${v.imPublic}"${reset}
}

resource "portsip_data_flow_server" "df" {
  private_ipv4 = "${v.dfPrivate}"${reset}
}
`;
};

const V1: Values = {
  webDomain: 'pbx.example.com',
  userAgent: 'Acme PBX',
  sessionTimer: 1800,
  httpPort: 9000,
  imPublic: '203.0.113.7',
  dfPrivate: '10.1.2.3',
};

test('settings singletons: adopt, empty re-plan, update in place, import, drift, destroy forgets', () =>
  withAcceptance(async ({ h, api }) => {
    h.writeConfig(settings(V1));
    await h.init();
    await h.apply();
    expect(attrs(h, 'portsip_network_settings.net')).toMatchObject({
      id: 'network_settings',
      web_domain: 'pbx.example.com',
      enable_ipv6: false,
    });
    expect(attrs(h, 'portsip_system_settings.sys')).toMatchObject({
      id: 'system_settings',
      user_agent: 'Acme PBX',
      session_timer_duration: 1800,
      enable_digest_auth: true,
    });
    expect(attrs(h, 'portsip_sbc_settings.sbc')).toMatchObject({ id: 'sbc_settings', http_port: 9000, https_port: 8883 });
    expect(attrs(h, 'portsip_im_server.im')).toMatchObject({ id: 'im_server', public_ipv4: '203.0.113.7' });
    expect(attrs(h, 'portsip_data_flow_server.df')).toMatchObject({ id: 'data_flow_server', private_ipv4: '10.1.2.3' });
    expect(await api.network.get()).toMatchObject({ web_domain: 'pbx.example.com', enable_ipv6: false });
    expect(await api.settings.get()).toMatchObject({ user_agent: 'Acme PBX', session_timer_duration: 1800 });
    expect(await api.sbc.get()).toMatchObject({ http_port: 9000 });
    expect(await api.im.get()).toMatchObject({ public_ipv4: '203.0.113.7' });
    expect(await api.dataflow.get()).toMatchObject({ private_ipv4: '10.1.2.3' });
    await expectPlan(h, 0, 'after adopt');

    // Update in place: only the changed singletons, with only the changed fields.
    h.writeConfig(settings({ ...V1, sessionTimer: 1200, imPublic: '203.0.113.8', webDomain: 'PBX.example.com' }));
    const upd = expectExit(await h.plan('-detailed-exitcode'), 2, 'planned update');
    expect(upd.stdout).toMatch(/portsip_system_settings\.sys will be updated in-place/);
    expect(upd.stdout).toMatch(/portsip_im_server\.im will be updated in-place/);
    // A domain differing only in case is the same domain: the prior spelling is kept, no update.
    expect(upd.stdout).not.toMatch(/portsip_network_settings\.net will be updated/);
    expect(upd.stdout).toMatch(/2 to change/);
    await h.apply();
    expect((await api.settings.get()).session_timer_duration).toBe(1200);
    expect((await api.im.get()).public_ipv4).toBe('203.0.113.8');
    await expectPlan(h, 0, 'after update');

    // Import by the fixed id.
    await reimport(h, 'portsip_sbc_settings.sbc', 'sbc_settings');
    expect(attrs(h, 'portsip_sbc_settings.sbc')).toMatchObject({ id: 'sbc_settings', http_port: 9000 });
    await expectPlan(h, 0, 'after import');

    // Out of band: a configured field (plan wants it back) and an unmanaged one (only -refresh-only).
    await api.network.update({ enable_ipv6: true });
    await api.dataflow.update({ private_ipv4: '10.9.9.9' });
    await api.settings.update({ dead_session_timeout: 700 });
    const drift = await expectPlan(h, 2, 'after out-of-band change');
    expect(drift.stdout).toMatch(/enable_ipv6\s+= true -> false/);
    expect(drift.stdout).toMatch(/private_ipv4\s+= "10\.9\.9\.9" -> "10\.1\.2\.3"/);
    expect(drift.stdout).not.toMatch(/dead_session_timeout/);
    const ro = expectExit(await h.plan('-refresh-only', '-detailed-exitcode'), 2, 'refresh-only');
    expect(ro.stdout).toMatch(/changed outside of Terraform/);
    expect(ro.stdout).toMatch(/dead_session_timeout\s+= 600 -> 700/);
    await h.apply();
    expect((await api.network.get()).enable_ipv6).toBe(false);
    await expectPlan(h, 0, 'after repairing drift');

    // Destroy forgets: the PBX keeps the values.
    await h.destroy();
    expect(h.addresses()).toEqual([]);
    expect(await api.network.get()).toMatchObject({ web_domain: 'pbx.example.com', enable_ipv6: false });
    expect(await api.settings.get()).toMatchObject({ user_agent: 'Acme PBX', session_timer_duration: 1200 });
    expect((await api.sbc.get()).http_port).toBe(9000);
    expect((await api.im.get()).public_ipv4).toBe('203.0.113.8');
  }));

test('settings singletons: adopting matching values sends nothing; reset_on_destroy restores the documented defaults', () =>
  withAcceptance(async ({ h, api, emu }) => {
    // The PBX already has these values: adopting them must not POST.
    await api.sbc.update({ http_port: 8882 });
    h.writeConfig(`
resource "portsip_sbc_settings" "sbc" {
  http_port = 8882
}
`);
    await h.init();
    emu.resetStats();
    await h.apply();
    expect(emu.stats().byRoute['POST /api/sbc'] ?? 0).toBe(0);
    expect(attrs(h, 'portsip_sbc_settings.sbc')).toMatchObject({ http_port: 8882 });
    await h.destroy();

    h.writeConfig(settings({ ...V1, reset: true }));
    await h.apply();
    expect((await api.settings.get()).user_agent).toBe('Acme PBX');
    await expectPlan(h, 0, 'after adopt');
    await h.destroy();
    expect(h.addresses()).toEqual([]);
    // Documented defaults restored; fields without one (web domain, addresses) left as they were.
    expect(await api.network.get()).toMatchObject({ enable_ipv6: true, web_domain: 'pbx.example.com' });
    expect(await api.settings.get()).toMatchObject({ user_agent: 'PortSIP UC', session_timer_duration: 3600 });
    expect(await api.sbc.get()).toMatchObject({ http_port: 8882, https_port: 8883 });
    expect((await api.im.get()).public_ipv4).toBe('203.0.113.7');
  }));
