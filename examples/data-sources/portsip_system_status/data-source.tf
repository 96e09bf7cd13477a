data "portsip_system_status" "pbx" {}

output "pbx_version" {
  value = data.portsip_system_status.pbx.version
}

# Fail the run before changing anything when the license has no room left.
check "license_headroom" {
  assert {
    condition     = data.portsip_system_status.pbx.current_users < data.portsip_system_status.pbx.licensed_users
    error_message = "Every licensed user seat is taken."
  }
}
