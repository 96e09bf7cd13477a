# What the pipeline manages: a reseller, one customer tenant designated to it, a TLS listener and
# the offices allowed to reach the PBX.

locals {
  office_networks = {
    london     = "198.51.100.0/26"
    manchester = "198.51.100.64/26"
    leeds      = "198.51.100.128/26"
    bristol    = "198.51.100.192/26"
  }
}

resource "portsip_dealer" "reseller" {
  name                = "acme-telecom"
  level               = "RESELLER"
  email               = "ops@acme-telecom.example"
  password_wo         = var.dealer_password
  password_wo_version = 1
}

resource "portsip_tenant" "acme" {
  name      = "ACME Dental"
  domain    = "acme-dental.voice.example.com"
  timezone  = "Europe/London"
  region    = "GBR"
  currency  = "GBP"
  dealer_id = portsip_dealer.reseller.id
}

resource "portsip_transport" "tls" {
  protocol     = "TLS"
  port         = 5061
  verification = "OPTIONAL"
}

resource "portsip_ip_rule" "office" {
  for_each    = local.office_networks
  cidr        = each.value
  target      = "ACCEPT"
  description = "office: ${each.key}"
}
