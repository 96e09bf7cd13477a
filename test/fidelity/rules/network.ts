// Fidelity rules of transports and IP rules (see test/fidelity/harness.ts for what a rule holds, docs/fidelity.md for
// the table in prose).

import { validate as vIpRule } from '../../../src/resources/ip-rule/validate';
import { validate as vTransport } from '../../../src/resources/transport/validate';
import { transport, ipRule, P, E, type Rule } from '../harness';

export const NETWORK_RULES: Rule[] = [
  // ---- transports
  {
    id: 'transport.protocol',
    provider: [P(() => vTransport(transport({ protocol: 'WSS' })), 'protocol', 'error')],
    emulator: [E('/transports', { protocol: 'WSS', port: 5065 }, 400)],
  },
  {
    id: 'transport.port.range',
    provider: [P(() => vTransport(transport({ port: 70000 })), 'port', 'error')],
    emulator: [E('/transports', { protocol: 'TCP', port: 70000 }, 400)],
  },
  {
    id: 'transport.port.tcp-zero',
    provider: [P(() => vTransport(transport({ protocol: 'TCP', port: 0 })), 'port', 'error')],
    emulator: [E('/transports', { protocol: 'TCP', port: 0 }, 400)],
  },
  {
    id: 'transport.port.tls-zero',
    provider: [P(() => vTransport(transport({ protocol: 'TLS', port: 0 })), 'port', 'error')],
    emulator: [E('/transports', { protocol: 'TLS', port: 0 }, 400)],
  },
  {
    id: 'transport.port.udp-zero',
    provider: [P(() => vTransport(transport({ protocol: 'UDP', port: 0 })), 'port', 'warning')],
    emulator: [E('/transports', { protocol: 'UDP', port: 0 }, 201)],
  },
  {
    id: 'transport.verification.enum',
    provider: [P(() => vTransport(transport({ verification: 'SOMETIMES' })), 'verification', 'error')],
    emulator: [E('/transports', { protocol: 'TLS', port: 5161, verification: 'SOMETIMES' }, 400)],
  },
  {
    id: 'transport.verification.any-protocol',
    provider: [P(() => vTransport(transport({ protocol: 'UDP', port: 5070, verification: 'MANDATORY' })), 'verification', 'warning')],
    emulator: [E('/transports', { protocol: 'UDP', port: 5070, verification: 'MANDATORY' }, 201)],
  },
  { id: 'transport.protocol.immutable', emulator: [E('/transports/:tcp', { protocol: 'UDP' }, 400)] },
  {
    id: 'transport.port.unique',
    provider: [P(() => vTransport(transport({ protocol: 'TCP', port: 5063 })), 'port', 'ok')],
    emulator: [E('/transports', { protocol: 'TLS', port: 5063 }, 400)],
  },
  { id: 'transport.last', emulator: [] },
  {
    id: 'transport.status.protocol',
    emulator: [E('/transports/UDP/status', undefined, 200, 'GET'), E('/transports/:tcp/status', undefined, 400, 'GET')],
  },
  // ---- IP rules
  {
    id: 'ip_rule.cidr',
    provider: [
      P(() => vIpRule(ipRule({ cidr: '192.0.2.0/33' })), 'cidr', 'error'),
      P(() => vIpRule(ipRule({ cidr: '2001:db8::/32' })), 'cidr', 'ok'),
    ],
    emulator: [
      E('/ip_filters', { cidr: '192.0.2.0/33', target: 'DENY' }, 400),
      E('/ip_filters', { cidr: '2001:db8::/32', target: 'DENY' }, 200),
    ],
  },
  {
    id: 'ip_rule.target',
    provider: [P(() => vIpRule(ipRule({ target: 'ALLOW' })), 'target', 'error')],
    emulator: [E('/ip_filters', { cidr: '192.0.2.0/24', target: 'ALLOW' }, 400)],
  },
  {
    id: 'ip_rule.expire_at',
    provider: [
      P(() => vIpRule(ipRule({ expire_at: '2030-13-01T00:00:00Z' })), 'expire_at', 'error'),
      P(() => vIpRule(ipRule({ expire_at: '2030-01-01T08:00:00+08:00' })), 'expire_at', 'ok'),
    ],
    emulator: [
      E('/ip_filters', { cidr: '192.0.2.0/24', target: 'DENY', expire_at: '2030-13-01T00:00:00Z' }, 400),
      E('/ip_filters', { cidr: '192.0.2.0/24', target: 'DENY', expire_at: '2030-01-01T08:00:00+08:00' }, 200),
    ],
  },
  {
    id: 'ip_rule.description',
    provider: [P(() => vIpRule(ipRule({ description: 'x'.repeat(256) })), 'description', 'error')],
    emulator: [E('/ip_filters', { cidr: '192.0.2.0/24', target: 'DENY', description: 'x'.repeat(256) }, 400)],
  },
  {
    id: 'ip_rule.cidr.duplicates',
    provider: [P(() => vIpRule(ipRule({ cidr: '198.51.100.0/24' })), 'cidr', 'ok')],
    emulator: [
      E('/ip_filters', { cidr: '198.51.100.0/24', target: 'DENY' }, 200),
      E('/ip_filters', { cidr: '198.51.100.0/24', target: 'ACCEPT' }, 200),
    ],
  },
];
