// Singletons with secrets or without a GET, end to end: portsip_notification_settings (write-only
// password, type+username in every body), portsip_certificate (write-only key, crt+key together),
// portsip_brand (no GET: no drift), portsip_admin_profile and portsip_dealer_profile (the signed-in
// accounts; the dealer one through a provider alias signed in as the dealer).
import { PortsipClient } from '../../src/client';
import { createSelfSignedCert } from '../../src/provider/cert';
import { attrs, expectPlan, reimport, withAcceptance } from './portsip';

jest.setTimeout(240_000);

const CERT1 = createSelfSignedCert('pbx.example.com');
const CERT2 = createSelfSignedCert('pbx2.example.com');

interface V {
  mailPort: number;
  mailPwVersion: number;
  certVersion: number;
  title: string;
  adminDisplay: string;
}

const config = (v: V) => `
variable "mail_password" {
  type      = string
  sensitive = true
}
variable "tls_key" {
  type      = string
  sensitive = true
}
variable "tls_crt" {
  type = string
}

resource "portsip_notification_settings" "mail" {
  type                = "SMTP"
  server              = "smtp.example.com"
  port                = ${v.mailPort}
  username            = "mailer"
  password_wo         = var.mail_password
  password_wo_version = ${v.mailPwVersion}
  recipients          = "ops@example.com"
}

resource "portsip_certificate" "tls" {
  crt            = var.tls_crt
  key_wo         = var.tls_key
  key_wo_version = ${v.certVersion}
}

resource "portsip_brand" "brand" {
  theme = "DARK"
  title = "${v.title}"
}

resource "portsip_admin_profile" "me" {
  display_name = "${v.adminDisplay}"
  email        = "ops@example.com"
}
`;

const tfvars = (mailPassword: string, cert: { certPem: string; keyPem: string }) =>
  `mail_password = ${JSON.stringify(mailPassword)}\ntls_key = ${JSON.stringify(cert.keyPem)}\ntls_crt = ${JSON.stringify(cert.certPem)}\n`;

const V1: V = { mailPort: 587, mailPwVersion: 1, certVersion: 1, title: 'Acme', adminDisplay: 'Ops Admin' };

test('notification, certificate, brand, admin profile: adopt, write-only secrets, update, drift, destroy forgets', () =>
  withAcceptance(async ({ h, api, emu }) => {
    const store = () => emu.state().singletons as Record<string, Record<string, unknown>>;
    h.writeFile('terraform.tfvars', tfvars('mail-S3cret-1', CERT1));
    h.writeConfig(config(V1));
    await h.init();
    await h.apply();
    expect(attrs(h, 'portsip_notification_settings.mail')).toMatchObject({
      id: 'notification_settings',
      type: 'SMTP',
      port: 587,
      username: 'mailer',
      password_wo: null,
    });
    expect(store().notification).toMatchObject({
      type: 'SMTP',
      server: 'smtp.example.com',
      port: 587,
      username: 'mailer',
      _password: 'mail-S3cret-1',
    });
    expect(store().key).toMatchObject({ crt: CERT1.certPem, key: CERT1.keyPem });
    expect(store().brand).toMatchObject({ theme: 'DARK', title: 'Acme' });
    expect(await api.adminProfile.get()).toMatchObject({ display_name: 'Ops Admin', email: 'ops@example.com' });
    expect(attrs(h, 'portsip_admin_profile.me')).toMatchObject({ id: 'admin_profile', name: 'admin' });
    // Write-only values never reach state.
    const stateText = h.stateText();
    expect(stateText).not.toContain('mail-S3cret-1');
    expect(stateText).not.toContain(CERT1.keyPem.split('\n')[1]!);
    await expectPlan(h, 0, 'after adopt');

    // A new write-only value alone changes nothing; with its version bump it is sent.
    h.writeFile('terraform.tfvars', tfvars('mail-S3cret-2', { certPem: CERT1.certPem, keyPem: CERT2.keyPem }));
    await expectPlan(h, 0, 'new write-only values without version bumps');
    h.writeFile('terraform.tfvars', tfvars('mail-S3cret-2', CERT2));
    h.writeConfig(config({ mailPort: 465, mailPwVersion: 2, certVersion: 2, title: 'Acme 2', adminDisplay: 'Ops Team' }));
    await h.apply();
    // The partial notification update still carried type and username (required by the API).
    expect(store().notification).toMatchObject({ type: 'SMTP', username: 'mailer', port: 465, _password: 'mail-S3cret-2' });
    expect(store().key).toMatchObject({ crt: CERT2.certPem, key: CERT2.keyPem });
    expect(store().brand).toMatchObject({ theme: 'DARK', title: 'Acme 2' });
    expect((await api.adminProfile.get()).display_name).toBe('Ops Team');
    await expectPlan(h, 0, 'after update');

    // Import by the fixed ids (brand imports nothing; apply re-sends nothing as config matches state after the import's apply).
    await reimport(h, 'portsip_notification_settings.mail', 'notification_settings');
    await reimport(h, 'portsip_admin_profile.me', 'admin_profile');
    await expectPlan(h, 0, 'after import');

    // Drift: detected for objects with a GET, never for brand (no GET /brand).
    await api.notification.update({ type: 'SMTP', username: 'mailer', port: 25 });
    await api.adminProfile.update({ display_name: 'Someone Else' });
    await api.brand.update({ title: 'Changed in the portal' });
    await api.certificate.update({ crt: CERT1.certPem, key: CERT1.keyPem });
    const drift = await expectPlan(h, 2, 'after out-of-band change');
    // The certificate is compared; the write-only key cannot be, so its change alone is not reported.
    expect(drift.stdout).toMatch(/portsip_certificate\.tls will be updated in-place/);
    expect(drift.stdout).toMatch(/port\s+= 25 -> 465/);
    expect(drift.stdout).toMatch(/display_name\s+= "Someone Else" -> "Ops Team"/);
    expect(drift.stdout).not.toMatch(/portsip_brand\.brand will be updated/);
    await h.apply();
    expect(store().notification).toMatchObject({ port: 465 });
    // Repairing the certificate re-sends crt with the configured key (the API needs both).
    expect(store().key).toMatchObject({ crt: CERT2.certPem, key: CERT2.keyPem });
    await expectPlan(h, 0, 'after repairing drift');

    await h.destroy();
    expect(h.addresses()).toEqual([]);
    expect(store().notification).toMatchObject({ port: 465, username: 'mailer' });
    expect(store().key).toMatchObject({ crt: CERT2.certPem });
    expect((await api.adminProfile.get()).display_name).toBe('Ops Team');
  }));

test('notification settings on a fresh PBX without type/username: a clear error naming the attribute', () =>
  withAcceptance(async ({ h }) => {
    h.writeConfig(`
resource "portsip_notification_settings" "mail" {
  port = 587
}
`);
    await h.init();
    const r = await h.tf('apply', '-auto-approve', '-no-color', '-input=false');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Missing required attribute "type"/);
    expect(r.stderr).toMatch(/Missing required attribute "username"/);
    expect(h.addresses()).toEqual([]);
  }));

test('dealer profile through a provider signed in as the dealer: adopt, password change, drift, destroy', () =>
  withAcceptance(async ({ h, api, emu }) => {
    await api.dealers.create({ name: 'reseller-one', level: 'DISTRIBUTOR', password: 'Old-Passw0rd', max_tenants: 5, max_extensions: 50 });
    const dealerConfig = (password: string, extra: string) => `
provider "portsip" {
  alias    = "dealer"
  username = "reseller-one"
  password = "${password}"
}

resource "portsip_dealer_profile" "me" {
  provider     = portsip.dealer
  display_name = "Reseller One"
  phone        = "+15550100"
${extra}
}
`;
    h.writeConfig(dealerConfig('Old-Passw0rd', ''));
    await h.init();
    await h.apply();
    expect(attrs(h, 'portsip_dealer_profile.me')).toMatchObject({
      id: 'dealer_profile',
      name: 'reseller-one',
      display_name: 'Reseller One',
      level: 'DISTRIBUTOR',
    });
    await expectPlan(h, 0, 'after adopt');

    // Password change with the version: the current password sent is the provider block's own
    // (Old-Passw0rd); the provider block follows afterwards.
    h.writeConfig(dealerConfig('Old-Passw0rd', '  new_password_wo = "New-Passw0rd"\n  password_wo_version = 1'));
    await h.apply();
    const asDealer = new PortsipClient({ endpoint: emu.url, username: 'reseller-one', password: 'New-Passw0rd' });
    try {
      expect(await asDealer.dealerProfile.get()).toMatchObject({ display_name: 'Reseller One', phone: '+15550100' });
      h.writeConfig(dealerConfig('New-Passw0rd', '  new_password_wo = "New-Passw0rd"\n  password_wo_version = 1'));
      await expectPlan(h, 0, 'after password change');

      await asDealer.dealerProfile.update({ phone: '+15550199' });
      const drift = await expectPlan(h, 2, 'after out-of-band change');
      expect(drift.stdout).toMatch(/phone\s+= "\+15550199" -> "\+15550100"/);
      await h.apply();
      expect((await asDealer.dealerProfile.get()).phone).toBe('+15550100');
      await expectPlan(h, 0, 'after repairing drift');
      await h.destroy();
      expect(h.addresses()).toEqual([]);
      expect((await asDealer.dealerProfile.get()).display_name).toBe('Reseller One');
    } finally {
      await asDealer.close();
    }
  }));

test('notification settings with reset_on_destroy: destroy restores the documented defaults and keeps the server', () =>
  withAcceptance(async ({ h, emu }) => {
    h.writeConfig(`
resource "portsip_notification_settings" "mail" {
  type             = "SMTP"
  server           = "smtp.example.com"
  username         = "mailer"
  auth             = "LOGIN"
  enable_tls_ssl   = false
  notify_ip_blocked = true
  reset_on_destroy = true
}
`);
    await h.init();
    await h.apply();
    const n = () => (emu.state().singletons as Record<string, Record<string, unknown>>).notification;
    expect(n()).toMatchObject({ auth: 'LOGIN', enable_tls_ssl: false, notify_ip_blocked: true });
    await expectPlan(h, 0, 'after adopt');
    await h.destroy();
    expect(h.addresses()).toEqual([]);
    // Documented defaults back; the server and account (no default) stay, and the reset body carried them (required).
    expect(n()).toMatchObject({
      auth: 'AUTO',
      enable_tls_ssl: true,
      notify_ip_blocked: false,
      type: 'SMTP',
      server: 'smtp.example.com',
      username: 'mailer',
    });
  }));
