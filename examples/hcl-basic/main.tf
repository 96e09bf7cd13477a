# A reseller, one customer designated to it with office hours and a DID range on a trunk, a TLS
# listener and an allow-list entry: the same objects the cdktf example builds, in plain HCL.

resource "portsip_dealer" "reseller" {
  name                = "acme-telecom"
  level               = "RESELLER"
  display_name        = "ACME Telecom"
  email               = "ops@acme-telecom.example"
  max_tenants         = 10
  password_wo         = var.dealer_password
  password_wo_version = 1
}

resource "portsip_tenant" "acme" {
  name           = "ACME Dental Clinics"
  domain         = "acme-dental.voice.example.com"
  timezone       = "America/New_York"
  region         = "USA"
  currency       = "USD"
  max_extensions = 40
  dealer_id      = portsip_dealer.reseller.id

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
    saturday {
      enabled = false
    }
  }
}

# The trunk is found by its name: no id to copy from the web portal or the API.
data "portsip_trunks" "carrier" {
  filter = "name eq '${var.trunk_name}'"
}

resource "portsip_trunk_assignment" "acme" {
  trunk_id    = one(data.portsip_trunks.carrier.trunks).id
  tenant_id   = portsip_tenant.acme.id
  did_numbers = "12125550100-12125550149"
  concurrency = 20
}

resource "portsip_transport" "tls" {
  protocol     = "TLS"
  port         = 5061
  verification = "OPTIONAL"
}

resource "portsip_ip_rule" "office" {
  cidr        = "203.0.113.0/24"
  target      = "ACCEPT"
  description = "Office network"
}

data "portsip_system_status" "pbx" {}
