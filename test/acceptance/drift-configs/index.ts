// Configurations for the exact-drift suite (drift-exact.test.ts) and the export test: one holding every
// resource type with every attribute set (write-only secrets included) and every data source, and one
// with only the required attributes. Each resource family writes its own blocks (accounts.ts,
// tenants.ts, network.ts, settings.ts); this module declares the variables that carry the secrets and
// adds the data sources and outputs. Kept apart from the tests so the values can be read as a whole.

import { fullAccounts, minimalAccounts } from './accounts';
import { fullNetwork, minimalNetwork } from './network';
import { fullSettings, minimalSettings } from './settings';
import { fullTenants, minimalTenants } from './tenants';
import { SECRETS, STIR, TLS } from './values';

export { SECRETS, STIR, TLS, TRUNK_ID } from './values';

/** Variables file for the full config: every secret through a variable, never a literal. */
export function fullTfvars(adminPassword: string): string {
  const v: Record<string, string> = {
    dealer_password: SECRETS.dealer,
    user_password: SECRETS.user,
    mail_password: SECRETS.mail,
    hook_password: SECRETS.hookPassword,
    hook_token: SECRETS.hookToken,
    tls_key: TLS.keyPem,
    tls_crt: TLS.certPem,
    stir_key: STIR.keyPem,
    stir_crt: STIR.certPem,
    admin_password: adminPassword,
    dealer_login_password: SECRETS.dealerLogin,
  };
  return Object.entries(v)
    .map(([k, x]) => `${k} = ${JSON.stringify(x)}`)
    .join('\n');
}

/**
 * Every resource type, every attribute. Secrets come from `ephemeral` variables into write-only
 * attributes. Terraform 1.11 writes an object's sensitive paths in a random order (docs/protocol.md,
 * "Exact drift"), so no object here gets two values from `sensitive` variables: the tenant's second
 * webhook secret comes from an ephemeral variable that is not marked sensitive (write-only values are
 * never shown anyway).
 *
 * `dealerLogin` is a dealer created out of band before the apply, whose account the dealer profile
 * provider alias signs in with.
 */
export function fullConfig(endpoint: string, dealerLogin: string): string {
  const sensitiveVar = (n: string) => `variable "${n}" {\n  type      = string\n  sensitive = true\n  ephemeral = true\n}\n`;
  return `
${['dealer_password', 'user_password', 'mail_password', 'hook_password', 'tls_key', 'stir_key', 'admin_password', 'dealer_login_password'].map(sensitiveVar).join('')}
variable "hook_token" {
  type      = string
  ephemeral = true
}
variable "tls_crt" {
  type = string
}
variable "stir_crt" {
  type = string
}

${fullAccounts(endpoint, dealerLogin)}
${fullTenants()}
${fullNetwork()}
${fullSettings()}
data "portsip_tenant" "t" {
  domain = portsip_tenant.t.domain
}

data "portsip_dealer" "d" {
  name = portsip_dealer.d.name
}

data "portsip_transport" "tls" {
  id = portsip_transport.tls.id
}

data "portsip_ip_rules" "accept" {
  target = "ACCEPT"
}

data "portsip_system_status" "pbx" {}

output "tenant_max_extensions" {
  value = portsip_tenant.t.max_extensions
}

output "dealer_max_tenants" {
  value = data.portsip_dealer.d.max_tenants
}

output "pbx_version" {
  value = data.portsip_system_status.pbx.version
}
`;
}

/** Only the required attributes of each resource type (singletons with nothing required stay empty). */
export function minimalConfig(): string {
  return `
variable "dealer_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
variable "user_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
variable "tls_crt" {
  type = string
}
variable "tls_key" {
  type      = string
  sensitive = true
  ephemeral = true
}
${minimalAccounts()}
${minimalTenants()}
${minimalNetwork()}
${minimalSettings()}
`;
}

export function minimalTfvars(): string {
  return [
    `dealer_password = ${JSON.stringify(SECRETS.dealer)}`,
    `user_password = ${JSON.stringify(SECRETS.user)}`,
    `tls_key = ${JSON.stringify(TLS.keyPem)}`,
    `tls_crt = ${JSON.stringify(TLS.certPem)}`,
  ].join('\n');
}
