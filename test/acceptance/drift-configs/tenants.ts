// Tenants and trunk assignments: their part of the exact-drift configurations (index.ts).

import { TRUNK_ID } from './values';

/** Every attribute set; secrets through the variables index.ts declares. */
export function fullTenants(): string {
  return `
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

resource "portsip_trunk_assignment" "ta" {
  trunk_id    = "${TRUNK_ID}"
  tenant_id   = portsip_tenant.t.id
  did_numbers = "14155550120-14155550129"
  concurrency = 7
}
`;
}

/** Only the required attributes. */
export function minimalTenants(): string {
  return `
resource "portsip_tenant" "t" {
  name     = "Min Tenant"
  domain   = "min.voice.example.com"
  timezone = "America/New_York"
  currency = "USD"
  region   = "USA"
}

resource "portsip_trunk_assignment" "ta" {
  trunk_id  = "${TRUNK_ID}"
  tenant_id = portsip_tenant.t.id
}
`;
}
