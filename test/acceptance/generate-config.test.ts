// `import` blocks + `terraform plan -generate-config-out` for every importable resource type: objects
// made out of band (through the API) are imported into generated configuration, which then plans
// with no changes (docs/protocol.md "Import and generated configuration"). Secrets are write-only and never read back: Terraform writes them
// as null, and an imported dealer, admin user or certificate may leave them so (the password or key is
// then unmanaged; only a create needs one). A secret filled in afterwards without a `_version` is not
// re-sent either.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSelfSignedCert } from '../../src/provider/cert';
import { expectExit, importBlock, withAcceptance } from './portsip';

jest.setTimeout(240_000);

test('generate-config-out round trip for every importable resource type', () =>
  withAcceptance(async ({ h, api, emu }) => {
    const cert = createSelfSignedCert('pbx.example.com');
    const dealer = await api.dealers.create({
      name: 'acme-reseller',
      level: 'DISTRIBUTOR',
      password: 'some-Passw0rd',
      max_tenants: 10,
      max_extensions: 10,
    });
    const tenant = await api.tenants.create({ name: 'Acme', domain: 'acme.example.com', timezone: 'UTC', currency: 'USD', region: 'USA' });
    const transport = await api.transports.create({ protocol: 'TLS', port: 5061, verification: 'OPTIONAL' });
    const rule = await api.ipRules.create({ cidr: '203.0.113.0/24', target: 'DENY', description: 'bad net' });
    const user = await api.adminUsers.create({
      name: 'ops-admin',
      password: 'Initial-Pw1',
      role: 'OperationsAdmin',
      email: 'ops@example.com',
    });
    const trunk = emu.seedIds.providers[0];
    await api.providers.assign(trunk, tenant.id, { did_numbers: '3000;12000-12099', concurrency: 5 });
    await api.network.update({ web_domain: 'pbx.example.com', enable_ipv6: false });
    await api.settings.update({ user_agent: 'Acme PBX' });
    await api.sbc.update({ http_port: 9000 });
    await api.im.update({ public_ipv4: '203.0.113.7' });
    await api.dataflow.update({ private_ipv4: '10.1.2.3' });
    await api.notification.update({ type: 'SMTP', server: 'smtp.example.com', port: 587, username: 'mailer', password: 'mail-S3cret' });
    await api.certificate.update({ crt: cert.certPem, key: cert.keyPem });
    await api.adminProfile.update({ display_name: 'Ops Admin' });
    // The dealer profile is the signed-in dealer's: imported through a provider signed in as the dealer.
    await api.dealers.create({ name: 'reseller-two', level: 'DISTRIBUTOR', password: 'Dealer-Pw22', max_tenants: 1, max_extensions: 1 });

    const imports: [string, string][] = [
      ['portsip_dealer.d', dealer.id],
      ['portsip_tenant.t', 'acme.example.com'],
      ['portsip_transport.tls', 'TLS:5061'],
      ['portsip_ip_rule.r', '203.0.113.0/24'],
      ['portsip_admin_user.u', 'ops-admin'],
      ['portsip_trunk_assignment.a', `${trunk}/${tenant.id}`],
      ['portsip_network_settings.s', 'network_settings'],
      ['portsip_system_settings.s', 'system_settings'],
      ['portsip_sbc_settings.s', 'sbc_settings'],
      ['portsip_im_server.s', 'im_server'],
      ['portsip_data_flow_server.s', 'data_flow_server'],
      ['portsip_notification_settings.s', 'notification_settings'],
      ['portsip_certificate.s', 'certificate'],
      ['portsip_brand.s', 'brand'],
      ['portsip_admin_profile.s', 'admin_profile'],
    ];
    const dealerProvider = 'provider "portsip" {\n  alias    = "dealer"\n  username = "reseller-two"\n  password = "Dealer-Pw22"\n}\n';
    const dealerImport = 'import {\n  provider = portsip.dealer\n  to       = portsip_dealer_profile.s\n  id       = "dealer_profile"\n}\n';
    h.writeConfig(imports.map(([to, id]) => importBlock(to, id)).join('\n') + dealerProvider + dealerImport);
    imports.push(['portsip_dealer_profile.s', 'dealer_profile']);
    h.writeFile(
      'secrets.tf',
      'variable "dealer_pw" {\n  type      = string\n  sensitive = true\n  default   = "some-Passw0rd"\n}\nvariable "user_pw" {\n  type      = string\n  sensitive = true\n  default   = "Initial-Pw1"\n}\nvariable "tls_key" {\n  type      = string\n  sensitive = true\n}\n',
    );
    h.writeFile('terraform.tfvars', `tls_key = ${JSON.stringify(cert.keyPem)}\n`);
    await h.init();
    await h.tf('plan', '-input=false', '-no-color', '-generate-config-out=gen.tf');
    const genPath = path.join(h.workDir, 'gen.tf');
    expect(fs.existsSync(genPath)).toBe(true);
    let gen = fs.readFileSync(genPath, 'utf8');
    for (const [to] of imports) expect(gen).toContain(`resource "${to.split('.')[0]}" "${to.split('.')[1]}"`);

    // As generated, with every secret null: every import plans as a pure no-op.
    {
      expectExit(await h.tf('plan', '-input=false', '-no-color', '-out=p0.bin'), 0, 'plan of the generated config as is');
      const plain = JSON.parse((await h.tf('show', '-json', 'p0.bin')).stdout) as {
        resource_changes: { address: string; change: { actions: string[]; importing?: unknown } }[];
      };
      expect(plain.resource_changes.map((rc) => rc.address).sort()).toEqual(imports.map(([to]) => to).sort());
      const notNoop = plain.resource_changes.filter((rc) => !(rc.change.actions.length === 1 && rc.change.actions[0] === 'no-op'));
      expect(notNoop.map((rc) => `${rc.address}: ${rc.change.actions.join(',')}`)).toEqual([]);
    }

    // Fill in secrets Terraform could not generate (one resource block each), as a user taking over the
    // password or key would.
    const fill = (type: string, attr: string, value: string) => {
      const start = gen.indexOf(`resource "${type}"`);
      const end = gen.indexOf('\n}\n', start);
      const blockText = gen.slice(start, end).replace(new RegExp(`(\\n\\s*${attr}\\s*=\\s*)null[^\\n]*`), `$1${value}`);
      gen = gen.slice(0, start) + blockText + gen.slice(end);
    };
    fill('portsip_dealer', 'password_wo', 'var.dealer_pw');
    fill('portsip_admin_user', 'password_wo', 'var.user_pw');
    fill('portsip_certificate', 'key_wo', 'var.tls_key');
    fs.writeFileSync(genPath, gen);

    // Every imported object plans with identical before/after values. Terraform 1.11 still labels the
    // ones whose config sets a write-only value "update in-place" while importing (it cannot compare
    // write-only values), but nothing changes: the apply below makes no write at all.
    expectExit(await h.tf('plan', '-input=false', '-no-color', '-out=p.bin'), 0, 'plan -out of generated config');
    const saved = JSON.parse((await h.tf('show', '-json', 'p.bin')).stdout) as {
      resource_changes: { address: string; change: { actions: string[]; before: unknown; after: unknown; importing?: unknown } }[];
    };
    expect(saved.resource_changes.map((rc) => rc.address).sort()).toEqual(imports.map(([to]) => to).sort());
    for (const rc of saved.resource_changes) {
      expect({ address: rc.address, importing: !!rc.change.importing, after: rc.change.after }).toEqual({
        address: rc.address,
        importing: true,
        after: rc.change.before,
      });
      expect(rc.change.actions).not.toContain('create');
      expect(rc.change.actions).not.toContain('delete');
    }
    const wo = saved.resource_changes
      .filter((rc) => rc.change.actions.includes('update'))
      .map((rc) => rc.address)
      .sort();
    expect(wo).toEqual(['portsip_admin_user.u', 'portsip_certificate.s', 'portsip_dealer.d']);
    emu.resetStats();
    await h.apply('p.bin');
    // Importing with no diff makes no write.
    const writes = Object.entries(emu.stats().byRoute).filter(([k]) => k.startsWith('POST') && !k.includes('/auth/'));
    expect(writes).toEqual([]);
    h.writeConfig(dealerProvider);
    expectExit(await h.plan('-detailed-exitcode'), 0, 'plan after importing the generated config');
    expect(rule.id).toBeTruthy();
    expect(transport.id).toBeTruthy();
    expect(user.id).toBeTruthy();
  }));
