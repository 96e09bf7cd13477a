# Creating it adopts the PBX's settings and changes only what is set here.
resource "portsip_system_settings" "this" {
  user_agent               = "ACME PBX"
  register_expiration_time = 600
  enable_session_timer     = true
  session_timer_duration   = 1800
  enable_prack             = true

  # Brute-force protection: 10 failed authentications block the address for an hour.
  sip_failed_auth_amount      = 10
  sip_blacklist_time_interval = 3600
  blocked_user_agents         = "friendly-scanner;sipvicious"

  # STIR/SHAKEN signing: the certificate is stored, the key is write-only.
  stir_shaken_cert           = var.stir_shaken_cert_pem
  stir_shaken_key_wo         = var.stir_shaken_key_pem
  stir_shaken_key_wo_version = 1
}
