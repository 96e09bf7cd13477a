// The service provider's book of business, as data: who resells for us, which customers (tenants)
// each of them brings, and which trunk carries their numbers. In a real repository this file (or a
// YAML/JSON file it reads) is what sales and support change in pull requests; the stack turns it
// into PortSIP objects.

export type DealerLevel = 'DISTRIBUTOR' | 'SUB_DISTRIBUTOR' | 'RESELLER';

export interface DealerSpec {
  /** Login name on the PBX; also the construct id. Renaming replaces the dealer (the API cannot rename). */
  readonly name: string;
  readonly level: DealerLevel;
  readonly displayName: string;
  readonly email: string;
  readonly maxTenants: number;
  readonly maxExtensions: number;
}

export interface TrunkUse {
  /** Key into ServiceProviderProps.trunks (a Terraform variable holding the trunk id). */
  readonly trunk: string;
  /** DID pool on that trunk: numbers and ranges separated by `;`. Pools of different tenants must not overlap. */
  readonly didNumbers: string;
  readonly concurrency: number;
}

export interface TenantSpec {
  /** Short name; also the construct id. */
  readonly key: string;
  readonly name: string;
  /** SIP domain, unique on the PBX. */
  readonly domain: string;
  /** The dealer (DealerSpec.name) this customer is designated to; omit for direct customers. */
  readonly dealer?: string;
  readonly timezone: string;
  readonly region: string;
  readonly currency: string;
  readonly maxExtensions: number;
  readonly maxConcurrentCalls: number;
  readonly trunks: readonly TrunkUse[];
}

export const DEALERS: readonly DealerSpec[] = [
  {
    name: 'northwind-distribution',
    level: 'DISTRIBUTOR',
    displayName: 'Northwind Distribution',
    email: 'channel@northwind.example',
    maxTenants: 50,
    maxExtensions: 5000,
  },
  {
    name: 'acme-telecom',
    level: 'RESELLER',
    displayName: 'ACME Telecom',
    email: 'ops@acme-telecom.example',
    maxTenants: 10,
    maxExtensions: 500,
  },
];

export const TENANTS: readonly TenantSpec[] = [
  {
    key: 'acme-dental',
    name: 'ACME Dental Clinics',
    domain: 'acme-dental.voice.example.com',
    dealer: 'acme-telecom',
    timezone: 'America/New_York',
    region: 'USA',
    currency: 'USD',
    maxExtensions: 40,
    maxConcurrentCalls: 20,
    trunks: [{ trunk: 'twilio', didNumbers: '12125550100-12125550149', concurrency: 20 }],
  },
  {
    key: 'acme-law',
    name: 'ACME Law Partners',
    domain: 'acme-law.voice.example.com',
    dealer: 'acme-telecom',
    timezone: 'America/Chicago',
    region: 'USA',
    currency: 'USD',
    maxExtensions: 25,
    maxConcurrentCalls: 10,
    trunks: [{ trunk: 'twilio', didNumbers: '13125550100-13125550119', concurrency: 10 }],
  },
  {
    key: 'northwind-logistics',
    name: 'Northwind Logistics GmbH',
    domain: 'logistics.northwind.example',
    dealer: 'northwind-distribution',
    timezone: 'Europe/Berlin',
    region: 'DEU',
    currency: 'EUR',
    maxExtensions: 200,
    maxConcurrentCalls: 60,
    trunks: [
      { trunk: 'telnyx', didNumbers: '4930555000-4930555199', concurrency: 40 },
      { trunk: 'local', didNumbers: '4989555000-4989555049', concurrency: 20 },
    ],
  },
  {
    key: 'contoso-hq',
    name: 'Contoso Headquarters',
    domain: 'contoso.voice.example.com',
    timezone: 'Europe/London',
    region: 'GBR',
    currency: 'GBP',
    maxExtensions: 80,
    maxConcurrentCalls: 30,
    trunks: [{ trunk: 'telnyx', didNumbers: '442075550100-442075550179', concurrency: 30 }],
  },
];

/** Networks allowed to reach the PBX (SIP and web), and networks blocked outright. */
export const IP_RULES: readonly { key: string; cidr: string; target: 'ACCEPT' | 'DENY'; description: string; expireAt?: string }[] = [
  { key: 'noc', cidr: '203.0.113.0/24', target: 'ACCEPT', description: 'NOC and office network' },
  { key: 'sbc-pop-eu', cidr: '2001:db8:100::/48', target: 'ACCEPT', description: 'EU SBC point of presence' },
  {
    key: 'contractor',
    cidr: '192.0.2.77/32',
    target: 'ACCEPT',
    description: 'Migration contractor (temporary)',
    expireAt: '2030-01-31T00:00:00Z',
  },
  { key: 'scanner', cidr: '198.51.100.0/24', target: 'DENY', description: 'SIP scanner seen in fail2ban logs' },
];

/** SIP listeners besides the UDP 5060 every PBX starts with. */
export const TRANSPORTS: readonly { key: string; protocol: 'UDP' | 'TCP' | 'TLS'; port: number; verification?: string }[] = [
  { key: 'tcp', protocol: 'TCP', port: 5060 },
  { key: 'tls', protocol: 'TLS', port: 5061, verification: 'OPTIONAL' },
];
