// Benchmark scenarios and the Terraform configuration generated for each.
//
// One explicit resource block per object (as a hand-written or cdktf-synthesized configuration of a
// service provider's PBX would have), so Terraform parses, validates and graphs every one of them.
// Uniqueness rules of the API: tenants need unique domains, dealers unique names, IP rules unique
// CIDRs, transports a unique protocol+port (the seeded UDP 5060 is avoided).

export interface Scenario {
  name: string;
  ipRules: number;
  dealers: number;
  tenants: number;
  transports: number;
  /** Include the singleton resources registered in the provider. */
  singletons: boolean;
  /** Every n-th tenant is designated to a dealer through `dealer_id` (0 = none). */
  tenantDealerEvery: number;
}

export const SCENARIOS: Record<string, Scenario> = {
  // For writing and debugging the runner; also a small point on the chart.
  XS: { name: 'XS', ipRules: 30, dealers: 8, tenants: 6, transports: 3, singletons: true, tenantDealerEvery: 3 },
  S: { name: 'S', ipRules: 2000, dealers: 300, tenants: 300, transports: 20, singletons: true, tenantDealerEvery: 3 },
  // An intermediate point for the chart (twice S's rules and dealers); not part of the default run.
  M: { name: 'M', ipRules: 4000, dealers: 600, tenants: 300, transports: 20, singletons: true, tenantDealerEvery: 3 },
  // Five times S's IP rules and dealers; tenants and transports as in S.
  L: { name: 'L', ipRules: 10000, dealers: 1500, tenants: 300, transports: 20, singletons: true, tenantDealerEvery: 3 },
};

/**
 * Minimal configurations of the singleton resources, by type. Only those registered in the
 * provider at run time are used (see singletonsPresent). `portsip_dealer_profile` is left out: it
 * is the signed-in *dealer's* own account and needs a second provider block signed in as a dealer,
 * not the admin a PBX-wide configuration runs as.
 */
const SINGLETON_HCL: Record<string, string> = {
  portsip_system_settings: `resource "portsip_system_settings" "this" {\n  user_agent             = "Bench PBX"\n  session_timer_duration = 1800\n}\n`,
  portsip_network_settings: `resource "portsip_network_settings" "this" {\n  web_domain  = "pbx.bench.example.com"\n  enable_ipv6 = false\n}\n`,
  portsip_notification_settings: `resource "portsip_notification_settings" "this" {\n  type                = "SMTP"\n  server              = "smtp.bench.example.com"\n  port                = 587\n  username            = "mailer"\n  password_wo         = var.mail_password\n  password_wo_version = 1\n}\n`,
  portsip_sbc_settings: `resource "portsip_sbc_settings" "this" {\n  http_port = 9000\n}\n`,
  portsip_im_server: `resource "portsip_im_server" "this" {\n  public_ipv4 = "203.0.113.7"\n}\n`,
  portsip_data_flow_server: `resource "portsip_data_flow_server" "this" {\n  private_ipv4 = "10.1.2.3"\n}\n`,
  portsip_certificate: `resource "portsip_certificate" "this" {\n  crt            = var.tls_crt\n  key_wo         = var.tls_key\n  key_wo_version = 1\n}\n`,
  portsip_brand: `resource "portsip_brand" "this" {\n  theme = "DARK"\n  title = "Bench"\n}\n`,
  portsip_admin_profile: `resource "portsip_admin_profile" "this" {\n  display_name = "Bench Admin"\n  email        = "ops@bench.example.com"\n}\n`,
};

export const KNOWN_SINGLETONS = Object.keys(SINGLETON_HCL);

/** The known singleton types among the registered resource types, in a stable order. */
export function singletonsPresent(registered: readonly string[]): string[] {
  return KNOWN_SINGLETONS.filter((t) => registered.includes(t));
}

export interface Block {
  type: string;
  hcl: string;
  /** Blocks with the same group must land in the same chunk (a tenant and the dealer it references). */
  group: string;
}

export interface GeneratedConfig {
  /** main.tf */
  hcl: string;
  /** The terraform/provider/variable blocks every configuration (and chunk) starts with. */
  header: string;
  /** One per managed object, in a dependency-friendly order. */
  blocks: Block[];
  /** terraform.tfvars (secrets for the write-only attributes) */
  tfvars: string;
  /** Managed resource instances the configuration declares. */
  objects: number;
  counts: Record<string, number>;
}

export function cidrOf(i: number): string {
  // 10.a.b.0/24: 65,536 unique networks.
  return `10.${Math.floor(i / 256) % 256}.${i % 256}.0/24`;
}

export function generateConfig(
  s: Scenario,
  opts: { singletons: string[]; tls: { certPem: string; keyPem: string }; providerVersion: string },
): GeneratedConfig {
  const header = `terraform {
  required_providers {
    portsip = {
      source  = "portsip/portsip"
      version = "${opts.providerVersion}"
    }
  }
}

# endpoint, username and password come from PORTSIP_ENDPOINT / PORTSIP_USERNAME / PORTSIP_PASSWORD.
provider "portsip" {
  read_strategy       = var.read_strategy
  tenant_dealer_reads = var.tenant_dealer_reads
}

variable "read_strategy" {
  type    = string
  default = "batch"
}

variable "tenant_dealer_reads" {
  type    = string
  default = "managed"
}

variable "dealer_password" {
  type      = string
  sensitive = true
}

variable "mail_password" {
  type      = string
  sensitive = true
}

variable "tls_crt" {
  type = string
}

variable "tls_key" {
  type      = string
  sensitive = true
}
`;
  const blocks: Block[] = [];
  const singletons = s.singletons ? opts.singletons : [];
  for (const t of singletons) blocks.push({ type: t, hcl: SINGLETON_HCL[t]!, group: t });
  for (let i = 0; i < s.transports; i++) {
    blocks.push({
      type: 'portsip_transport',
      group: `x${i}`,
      hcl: `resource "portsip_transport" "x${i}" {\n  protocol = "${i % 2 === 0 ? 'TCP' : 'UDP'}"\n  port     = ${7000 + i}\n}\n`,
    });
  }
  const dealerOf = (i: number): number | null =>
    s.tenantDealerEvery > 0 && s.dealers > 0 && i % s.tenantDealerEvery === 0 ? (i / s.tenantDealerEvery) % s.dealers : null;
  const dealerBlock = (i: number, group: string): Block => ({
    type: 'portsip_dealer',
    group,
    hcl: `resource "portsip_dealer" "d${i}" {\n  name         = "bench-dealer-${i}"\n  level        = "DISTRIBUTOR"\n  display_name = "Bench dealer ${i}"\n  email        = "dealer${i}@bench.example.com"\n  password_wo  = var.dealer_password\n}\n`,
  });
  const placedDealers = new Set<number>();
  for (let i = 0; i < s.tenants; i++) {
    const d = dealerOf(i);
    const group = d === null ? `t${i}` : `d${d}`;
    if (d !== null && !placedDealers.has(d)) {
      placedDealers.add(d);
      blocks.push(dealerBlock(d, group));
    }
    const ref = d === null ? '' : `  dealer_id = portsip_dealer.d${d}.id\n`;
    blocks.push({
      type: 'portsip_tenant',
      group,
      hcl: `resource "portsip_tenant" "t${i}" {\n  name     = "Bench tenant ${i}"\n  domain   = "t${i}.bench.example.com"\n  timezone = "UTC"\n  currency = "USD"\n  region   = "USA"\n${ref}}\n`,
    });
  }
  for (let i = 0; i < s.dealers; i++) if (!placedDealers.has(i)) blocks.push(dealerBlock(i, `d${i}`));
  for (let i = 0; i < s.ipRules; i++) {
    blocks.push({
      type: 'portsip_ip_rule',
      group: `r${i}`,
      hcl: `resource "portsip_ip_rule" "r${i}" {\n  cidr        = "${cidrOf(i)}"\n  target      = "${i % 5 === 0 ? 'DENY' : 'ACCEPT'}"\n  description = "bench rule ${i}"\n}\n`,
    });
  }
  const tfvars =
    `dealer_password = "Dealer-Bench-pw1"\n` +
    `mail_password = "Mail-Bench-pw1"\n` +
    `tls_crt = ${JSON.stringify(opts.tls.certPem)}\n` +
    `tls_key = ${JSON.stringify(opts.tls.keyPem)}\n`;
  const counts: Record<string, number> = {
    portsip_ip_rule: s.ipRules,
    portsip_dealer: s.dealers,
    portsip_tenant: s.tenants,
    portsip_transport: s.transports,
  };
  for (const t of singletons) counts[t] = 1;
  const objects = Object.values(counts).reduce((a, b) => a + b, 0);
  return { hcl: header + '\n' + blocks.map((b) => b.hcl).join('\n'), header, blocks, tfvars, objects, counts };
}

/**
 * Split the blocks into configurations of at most `size` objects (a group is never split), each
 * to be applied into its own state: Terraform's apply copies the whole state after every resource
 * it changes, so one huge state costs O(n^2) (see RESULTS.md).
 */
export function chunkBlocks(blocks: Block[], size: number): Block[][] {
  const groups: Block[][] = [];
  const byGroup = new Map<string, Block[]>();
  for (const b of blocks) {
    let g = byGroup.get(b.group);
    if (!g) {
      byGroup.set(b.group, (g = []));
      groups.push(g);
    }
    g.push(b);
  }
  const chunks: Block[][] = [];
  let cur: Block[] = [];
  for (const g of groups) {
    if (cur.length && cur.length + g.length > size) {
      chunks.push(cur);
      cur = [];
    }
    cur.push(...g);
  }
  if (cur.length) chunks.push(cur);
  return chunks;
}

/** Parse "--scenarios S,L" or custom "name:rules:dealers:tenants:transports". */
export function parseScenarios(spec: string): Scenario[] {
  return spec
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const known = SCENARIOS[x.toUpperCase()];
      if (known) return known;
      const m = /^([A-Za-z0-9_-]+):(\d+):(\d+):(\d+):(\d+)$/.exec(x);
      if (!m)
        throw new Error(`unknown scenario "${x}" (known: ${Object.keys(SCENARIOS).join(', ')}; or name:rules:dealers:tenants:transports)`);
      return { name: m[1]!, ipRules: +m[2]!, dealers: +m[3]!, tenants: +m[4]!, transports: +m[5]!, singletons: true, tenantDealerEvery: 3 };
    });
}
