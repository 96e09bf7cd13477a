resource "portsip_admin_user" "ops" {
  name         = "ops-admin"
  role         = "OperationsAdmin"
  display_name = "Operations"
  email        = "ops@example.com"

  # Write-only: never stored in plan or state. Bump the version to send a new password.
  password_wo         = var.ops_admin_password
  password_wo_version = 1
}
