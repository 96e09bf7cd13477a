# A SIP trunk to a carrier that the PBX registers to, with a block of 100 DIDs.
resource "portsip_trunk" "carrier" {
  name                 = "carrier-main"
  brand                = "Generic"
  auth_mode            = "REGISTER_AUTH"
  transport            = "UDP"
  hostname             = "sip.carrier.example"
  port                 = 5060
  outbound_server      = "sip.carrier.example"
  outbound_server_port = 5060
  concurrency          = 60
  auth_id              = "pbx-acme"
  username             = "pbx-acme"
  did_numbers          = "12125550200-12125550299"

  # Write-only: never stored in plan or state. Bump the version to send a new password.
  password_wo         = var.trunk_password
  password_wo_version = 1
}
