// Fidelity rules of the settings singletons, the certificate and brand, and rules about every request (see test/fidelity/harness.ts for what a rule holds, docs/fidelity.md for
// the table in prose).

import { validate as vBrand } from '../../../src/resources/brand/validate';
import { validate as vCert } from '../../../src/resources/certificate/validate';
import { validate as vNetwork } from '../../../src/resources/network-settings/validate';
import { validate as vNotification } from '../../../src/resources/notification-settings/validate';
import { validate as vSbc } from '../../../src/resources/sbc-settings/validate';
import { validate as vSettings } from '../../../src/resources/system-settings/validate';
import { validate as vTenant } from '../../../src/resources/tenant/validate';
import { CERT_PEM, KEY_PEM } from '../../resources/fixtures';
import { tenant, notification, settings, network, sbc, cert, brand, T, P, E, type Rule } from '../harness';

export const SETTINGS_RULES: Rule[] = [
  // ---- notification
  {
    id: 'notification.required',
    emulator: [
      E('/admin/notification', { server: 'smtp.example.com' }, 400),
      E('/admin/notification', { type: 'SMTP', username: 'u', server: 'smtp.example.com' }, 200),
    ],
  },
  {
    id: 'notification.enums',
    provider: [
      P(() => vNotification(notification({ type: 'EXCHANGE' })), 'type', 'error'),
      P(() => vNotification(notification({ auth: 'NTLM' })), 'auth', 'error'),
    ],
    emulator: [
      E('/admin/notification', { type: 'EXCHANGE', username: 'u' }, 400),
      E('/admin/notification', { type: 'SMTP', username: 'u', auth: 'NTLM' }, 400),
    ],
  },
  {
    id: 'notification.thresholds',
    provider: [
      P(() => vNotification(notification({ cpu_threshold: 90 })), 'cpu_threshold', 'warning'),
      P(() => vNotification(notification({ cpu_threshold: 0.9 })), 'cpu_threshold', 'ok'),
    ],
    emulator: [E('/admin/notification', { type: 'SMTP', username: 'u', cpu_threshold: 90 }, 200)],
  },
  {
    id: 'port.range',
    provider: [
      P(() => vNotification(notification({ port: 65536 })), 'port', 'error'),
      P(() => vSettings(settings({ trace_server_port: -1 })), 'trace_server_port', 'error'),
      P(() => vSbc(sbc({ http_port: 65536 })), 'http_port', 'error'),
    ],
    emulator: [
      E('/admin/notification', { type: 'SMTP', username: 'u', port: 65536 }, 400),
      E('/admin/settings', { trace_server_port: -1 }, 400),
      E('/sbc', { http_port: 65536 }, 400),
    ],
  },
  {
    id: 'host.inferred',
    provider: [
      P(() => vNotification(notification({ server: 'smtp example.com' })), 'server', 'warning'),
      P(() => vNetwork(network({ web_domain: 'pbx example.com' })), 'web_domain', 'warning'),
      P(() => vNetwork(network({ primary_dns_server: 'dns.example.com' })), 'primary_dns_server', 'warning'),
    ],
    emulator: [
      E('/admin/notification', { type: 'SMTP', username: 'u', server: 'smtp example.com' }, 200),
      E('/network', { primary_dns_server: 'dns.example.com' }, 200),
    ],
  },
  // ---- system settings
  {
    id: 'settings.ranges',
    provider: [
      P(() => vSettings(settings({ session_timer_duration: 89 })), 'session_timer_duration', 'error'),
      P(() => vSettings(settings({ register_expiration_time: 3601 })), 'register_expiration_time', 'error'),
    ],
    emulator: [E('/admin/settings', { session_timer_duration: 89 }, 400), E('/admin/settings', { register_expiration_time: 3601 }, 400)],
  },
  {
    id: 'settings.user_agent',
    provider: [P(() => vSettings(settings({ user_agent: '' })), 'user_agent', 'error')],
    emulator: [E('/admin/settings', { user_agent: '' }, 400)],
  },
  {
    id: 'settings.enums',
    provider: [P(() => vSettings(settings({ congestion_management_metric: 'QUEUE' })), 'congestion_management_metric', 'error')],
    emulator: [E('/admin/settings', { congestion_management_metric: 'QUEUE' }, 400)],
  },
  {
    id: 'settings.stir_shaken.pem',
    provider: [P(() => vSettings(settings({ stir_shaken_cert: 'not pem' })), 'stir_shaken_cert', 'warning')],
    emulator: [E('/admin/settings', { stir_shaken_cert: 'not pem' }, 200)],
  },
  // ---- network, IM, Data Flow
  {
    id: 'ip_family',
    provider: [P(() => vNetwork(network({ private_ipv4: '2001:db8::1' })), 'private_ipv4', 'error')],
    emulator: [
      E('/network', { private_ipv4: '2001:db8::1' }, 400),
      E('/im', { public_ipv6: '192.0.2.1' }, 400),
      E('/dataflow', { private_ipv4: 'x' }, 400),
    ],
  },
  // ---- SBC
  {
    id: 'sbc.transports',
    provider: [
      P(() => vSbc(sbc({ transports: [{ protocol: 'TCP', port: 0 }] })), 'transports', 'error'),
      P(() => vSbc(sbc({ transports: [{ protocol: 'WSS', port: 1 }] })), 'transports', 'error'),
    ],
    emulator: [
      E('/sbc', { transports: [{ protocol: 'WSS', port: 1 }] }, 400),
      E('/sbc', { transports: [{ protocol: 'TCP', port: 0 }] }, 400),
      E('/sbc', { transports: [{ protocol: 'UDP', port: 0 }] }, 200),
    ],
  },
  {
    id: 'sbc.inferred',
    provider: [P(() => vSbc(sbc({ http_port: 8443, https_port: 8443 })), 'https_port', 'warning')],
    emulator: [E('/sbc', { http_port: 8443, https_port: 8443 }, 200)],
  },
  // ---- certificate, brand
  {
    id: 'certificate.pem',
    provider: [P(() => vCert(cert({ crt: 'garbage' })), 'crt', 'error')],
    emulator: [E('/key', { crt: 'garbage', key: KEY_PEM }, 400), E('/key', { crt: CERT_PEM }, 400)],
  },
  {
    id: 'brand.theme',
    provider: [P(() => vBrand(brand({ theme: 'RED' })), 'theme', 'error')],
    emulator: [E('/brand', { theme: 'RED' }, 400)],
  },
  {
    id: 'brand.bottom_text',
    provider: [P(() => vBrand(brand({ bottom_text: 'x'.repeat(257) })), 'bottom_text', 'error')],
    emulator: [E('/brand', { bottom_text: 'x'.repeat(257) }, 400)],
  },
  {
    id: 'brand.file_id',
    provider: [P(() => vBrand(brand({ logo: 'https://cdn.example.com/logo.png' })), 'logo', 'warning')],
    emulator: [E('/brand', { logo: 'https://cdn.example.com/logo.png' }, 200)],
  },
  // ---- profiles
  {
    id: 'strings.blank',
    provider: [
      P(() => vTenant(tenant({ name: '   ' })), 'name', 'warning'),
      P(() => vSettings(settings({ user_agent: '   ' })), 'user_agent', 'warning'),
    ],
    emulator: [E('/tenants', T({ name: '   ' }), 201), E('/admin/settings', { user_agent: '   ' }, 200)],
  },
  // ---- the request as a whole
  {
    id: 'body.unknown_fields',
    emulator: [E('/network', { web_domain: 'pbx.example.com', frobnicate: 1 }, 200)],
  },
];
