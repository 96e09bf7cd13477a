resource "portsip_dealer" "reseller" {
  name         = "acme-telecom"
  level        = "RESELLER"
  display_name = "ACME Telecom"
  email        = "ops@acme-telecom.example"
  max_tenants  = 10

  # Write-only: never stored in plan or state. Bump the version to send a new password.
  password_wo         = var.dealer_password
  password_wo_version = 1
}
