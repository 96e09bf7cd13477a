// The settings singletons, the IM and Data Flow servers, the certificate and the brand: their part of
// the exact-drift configurations (index.ts).

/** Every attribute set; secrets through the variables index.ts declares. */
export function fullSettings(): string {
  return `
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
`;
}

/** Only the required attributes. */
export function minimalSettings(): string {
  return `
resource "portsip_system_settings" "sys" {}
resource "portsip_network_settings" "net" {}
resource "portsip_notification_settings" "mail" {}
resource "portsip_sbc_settings" "sbc" {}
resource "portsip_im_server" "im" {}
resource "portsip_data_flow_server" "df" {}
resource "portsip_brand" "brand" {}

resource "portsip_certificate" "tls" {
  crt    = var.tls_crt
  key_wo = var.tls_key
}
`;
}
