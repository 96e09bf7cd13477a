resource "portsip_tenant" "acme" {
  name           = "ACME Dental Clinics"
  domain         = "acme-dental.voice.example.com"
  timezone       = "America/New_York"
  region         = "USA"
  currency       = "USD"
  max_extensions = 40
  enabled        = true

  # Weekdays 08:00-12:00 and 13:00-18:00; days left out stay as they are on the PBX.
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

  e164 {
    enabled            = true
    international_code = "011"
    national_code      = "1"
  }

  # Call records are posted to the billing system; the token is write-only (never in plan or
  # state): bump credentials_wo_version to send a new one.
  cdr_event {
    enabled                = true
    url                    = "https://billing.example.com/portsip/cdr"
    auth                   = "BEARER"
    token_wo               = var.cdr_webhook_token
    credentials_wo_version = 1
  }
}
