// Configurations for the exact-drift suite (drift-exact.test.ts): one holding every resource type
// with every attribute set (write-only secrets included) and every data source, and one with only
// the required attributes. Kept apart from the test so the values can be read as a whole.

import { createSelfSignedCert } from '../../src/provider/cert';

/** The seeded trunk the emulator always has (GET /api/providers). */
export const TRUNK_ID = 'NzAwNTUxOTA5NzczMTQ4MjAw';

export const SECRETS = {
  dealer: 'Dealer-S3cret-drift',
  user: 'User-S3cret-drift',
  mail: 'Mail-S3cret-drift',
  hookPassword: 'hookpassw0rd',
  hookToken: 'hook-bearer-token-drift',
  dealerLogin: 'DealerLogin-S3cret',
};

export const TLS = createSelfSignedCert('pbx.drift.example.com');
export const STIR = createSelfSignedCert('stir.drift.example.com');

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

provider "portsip" {
  alias    = "dealer"
  endpoint = "${endpoint}"
  username = "${dealerLogin}"
  password = var.dealer_login_password
}

resource "portsip_dealer" "d" {
  name                = "drift-dealer"
  level               = "RESELLER"
  password_wo         = var.dealer_password
  password_wo_version = 1
  enabled             = true
  email               = "ops@drift-dealer.example"
  display_name        = "Drift Dealer"
  website             = "https://drift-dealer.example"
  phone               = "+15550100"
  address             = "1 Main St"
  description         = "exact drift"
  max_tenants         = 12
  max_extensions      = 345
  tenant_full_access  = false
}

resource "portsip_tenant" "t" {
  name                             = "Drift Tenant"
  domain                           = "drift.voice.example.com"
  timezone                         = "Europe/London"
  currency                         = "GBP"
  region                           = "GBR"
  enabled                          = true
  website                          = "https://drift.example.com"
  custom_options                   = jsonencode({ a = 1, b = "two" })
  dealer_id                        = portsip_dealer.d.id
  disk_quota                       = "20GB"
  im_disk_quota                    = "2GB"
  extension_im_disk_quota          = "100MB"
  email_recipients                 = "a@drift.example.com,b@drift.example.com"
  allow_password_retrieval         = true
  call_report_retention            = 30
  contact_append_type              = "PREPEND"
  contact_inbound_rule_append_type = "APPEND"
  contact_match_type               = "MATCH_LENGTH"
  contact_match_length             = 7
  contact_update_interval          = 60
  enable_audio_recording           = true
  enable_billing                   = true
  enable_dual_track_recording      = true
  enable_feature_billing           = true
  enable_feature_call_statistics   = true
  enable_feature_contact_center    = true
  enable_feature_message_channels  = true
  enable_feature_microsoft_teams   = true
  enable_feature_trunks            = true
  enable_feature_whats_app         = true
  enable_night_mode                = true
  enable_two_factor_authentication = true
  enable_video_recording           = true
  log_retention                    = 14
  max_call_queues                  = 5
  max_concurrent_calls             = 25
  max_conference_rooms             = 6
  max_extensions                   = 70
  max_ring_groups                  = 8
  max_virtual_receptionists        = 9
  password_force_reset             = true
  recording_retention              = 60
  temp_file_retention              = 3

  office_hours {
    monday {
      enabled = true
      ranges {
        from = "08:00"
        to   = "12:00"
      }
      ranges {
        from = "13:00"
        to   = "18:00"
      }
    }
    tuesday {
      enabled = true
      ranges {
        from = "09:00"
        to   = "17:00"
      }
    }
    wednesday {
      enabled = true
    }
    thursday {
      enabled = true
    }
    friday {
      enabled = true
    }
    saturday {
      enabled = false
    }
    sunday {
      enabled = false
    }
  }

  e164 {
    enabled                     = true
    international_code          = "00"
    country                     = "44"
    area_code                   = "20"
    national_code               = "0"
    prefix                      = "9"
    remove_duplicate_area_codes = true
    remove_duplicate_countries  = true
    remove_special_chars        = true
  }

  cdr_event {
    enabled                = true
    auth                   = "BASIC"
    username               = "hookuser1"
    password_wo            = var.hook_password
    credentials_wo_version = 1
    url                    = "https://hooks.drift.example.com/cdr"
  }

  extension_event {
    enabled                = true
    auth                   = "BEARER"
    token_wo               = var.hook_token
    credentials_wo_version = 1
    url                    = "https://hooks.drift.example.com/ext"
  }
}

resource "portsip_transport" "tls" {
  protocol     = "TLS"
  port         = 5061
  verification = "OPTIONAL"
}

resource "portsip_ip_rule" "office" {
  cidr        = "192.0.2.0/24"
  target      = "ACCEPT"
  description = "office"
  expire_at   = "2099-01-02T03:04:05Z"
}

resource "portsip_admin_user" "ops" {
  name                = "drift-ops"
  role                = "SystemAdmin"
  password_wo         = var.user_password
  password_wo_version = 1
  enabled             = true
  email               = "ops@drift.example.com"
  display_name        = "Drift Ops"
  mobile_phone        = "+15550101"
  work_phone          = "+15550102"
  home_phone          = "+15550103"
  address             = "2 Main St"
  department          = "NOC"
  website             = "https://ops.drift.example.com"
}

resource "portsip_trunk_assignment" "ta" {
  trunk_id    = "${TRUNK_ID}"
  tenant_id   = portsip_tenant.t.id
  did_numbers = "14155550120-14155550129"
  concurrency = 7
}

resource "portsip_system_settings" "sys" {
  user_agent                                = "Drift PBX"
  blocked_user_agents                       = "friendly-scanner,sipvicious"
  enable_shared_address_space_address_range = false
  enable_digest_auth                        = true
  enable_auth_mid_dialog                    = true
  enable_digest_auth_int                    = true
  enable_external_recording                 = false
  enable_reject_bad_nonce                   = true
  statistics_log_interval                   = 300
  dead_session_timeout                      = 900
  enable_session_timer                      = true
  session_timer_duration                    = 1800
  enable_to_tag_in_register                 = true
  enable_congestion_management              = true
  congestion_management_metric              = "WAIT_TIME"
  congestion_management_tolerance           = 300
  enable_create_non_exist_extension         = false
  enable_prack                              = true
  enable_tenant_level_trunk                 = false
  enable_diversion_support                  = true
  enable_history_info_support               = true
  enable_outbound_support                   = false
  flow_timer                                = 30
  register_expiration_time                  = 600
  enable_auto_answer_alert_info_header      = true
  auto_answer_alert_info_header             = "AUTO_ANSWER"
  enable_auto_answer_call_info_header       = false
  enable_require_answer_mode                = true
  enable_www_auth                           = true
  user_equal_required_for_auth_name         = false
  trace_server_host                         = "trace.drift.example.com"
  trace_server_port                         = 9060
  web_failed_auth_amount                    = 6
  web_blacklist_time_interval               = 1800
  sip_failed_auth_amount                    = 40
  sip_failed_challenge_requests_amount      = 900
  sip_blacklist_time_interval               = 1800
  sip_detection_period                      = 20
  sip_barrier_1_packets                     = 4000
  sip_barrier_1_blocking_time               = 1800
  sip_barrier_2_packets                     = 1500
  sip_barrier_2_blocking_time               = 60
  stir_shaken_cert                          = var.stir_crt
  stir_shaken_key_wo                        = var.stir_key
  stir_shaken_key_wo_version                = 1
  custom_options                            = jsonencode({ x = true })
}

resource "portsip_network_settings" "net" {
  web_domain           = "pbx.drift.example.com"
  private_ipv4         = "10.0.0.10"
  public_ipv4          = "203.0.113.10"
  enable_ipv6          = true
  private_ipv6         = "fd00::10"
  public_ipv6          = "2001:db8::10"
  primary_dns_server   = "192.0.2.53"
  secondary_dns_server = "198.51.100.53"
}

resource "portsip_notification_settings" "mail" {
  type                                = "SMTP"
  server                              = "smtp.drift.example.com"
  port                                = 587
  reply_to                            = "noreply@drift.example.com"
  username                            = "mailer"
  password_wo                         = var.mail_password
  password_wo_version                 = 1
  auth                                = "LOGIN"
  enable_tls_ssl                      = false
  enable_starttls_auto                = true
  recipients                          = "ops@drift.example.com"
  enable_tenant_access                = false
  hard_disk_threshold                 = 0.9
  notify_hard_disk_exceeded_threshold = true
  cpu_threshold                       = 0.85
  notify_cpu_exceeded_threshold       = true
  memory_threshold                    = 0.8
  notify_memory_exceeded_threshold    = true
  notify_ip_blocked                   = true
  notify_license_limited              = true
  notify_service_disconnected         = true
  notify_push_certs_update_failed     = true
}

resource "portsip_sbc_settings" "sbc" {
  domain     = "sbc.drift.example.com"
  http_port  = 9080
  https_port = 9443
  transports {
    protocol = "UDP"
    port     = 5070
  }
  transports {
    protocol = "TLS"
    port     = 5071
  }
}

resource "portsip_im_server" "im" {
  private_ipv4 = "10.0.0.11"
  private_ipv6 = "fd00::11"
  public_ipv4  = "203.0.113.11"
  public_ipv6  = "2001:db8::11"
}

resource "portsip_data_flow_server" "df" {
  private_ipv4 = "10.0.0.12"
  private_ipv6 = "fd00::12"
  public_ipv4  = "203.0.113.12"
  public_ipv6  = "2001:db8::12"
}

resource "portsip_certificate" "tls" {
  crt            = var.tls_crt
  key_wo         = var.tls_key
  key_wo_version = 1
}

resource "portsip_brand" "brand" {
  theme       = "DARK"
  title       = "Drift"
  product     = "Drift PBX"
  copyright   = "Drift Ltd"
  website     = "https://drift.example.com"
  forum       = "https://forum.drift.example.com"
  bottom_text = "drift"
  logo        = "aGVsbG8="
  favicon     = "aGVsbG8="
}

resource "portsip_admin_profile" "me" {
  name                = "admin"
  email               = "root@drift.example.com"
  display_name        = "Root"
  mobile_phone        = "+15550104"
  work_phone          = "+15550105"
  home_phone          = "+15550106"
  address             = "3 Main St"
  department          = "IT"
  website             = "https://root.drift.example.com"
  # The provider's own password again: the version is recorded, nothing changes on the PBX.
  new_password_wo     = var.admin_password
  password_wo_version = 1
}

resource "portsip_dealer_profile" "me" {
  provider            = portsip.dealer
  name                = "${dealerLogin}"
  email               = "me@dealer-login.example"
  display_name        = "Dealer Login"
  website             = "https://dealer-login.example"
  phone               = "+15550107"
  address             = "4 Main St"
  description         = "signed in as a dealer"
  new_password_wo     = var.dealer_login_password
  password_wo_version = 1
}

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

resource "portsip_dealer" "d" {
  name        = "min-dealer"
  level       = "DISTRIBUTOR"
  password_wo = var.dealer_password
}

resource "portsip_tenant" "t" {
  name     = "Min Tenant"
  domain   = "min.voice.example.com"
  timezone = "America/New_York"
  currency = "USD"
  region   = "USA"
}

resource "portsip_transport" "udp" {
  protocol = "UDP"
  port     = 5090
}

resource "portsip_ip_rule" "deny" {
  cidr   = "198.51.100.0/24"
  target = "DENY"
}

resource "portsip_admin_user" "ops" {
  name        = "min-ops"
  role        = "SystemAdmin"
  password_wo = var.user_password
}

resource "portsip_trunk_assignment" "ta" {
  trunk_id  = "${TRUNK_ID}"
  tenant_id = portsip_tenant.t.id
}

resource "portsip_system_settings" "sys" {}
resource "portsip_network_settings" "net" {}
resource "portsip_notification_settings" "mail" {}
resource "portsip_sbc_settings" "sbc" {}
resource "portsip_im_server" "im" {}
resource "portsip_data_flow_server" "df" {}
resource "portsip_brand" "brand" {}
resource "portsip_admin_profile" "me" {}

resource "portsip_certificate" "tls" {
  crt    = var.tls_crt
  key_wo = var.tls_key
}
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
