// Dealers, admin users and the signed-in admin and dealer profiles: their part of the exact-drift
// configurations (index.ts).

/**
 * Every attribute set; secrets through the variables index.ts declares. `dealerLogin` is a dealer
 * created out of band before the apply, whose account the dealer profile provider alias signs in
 * with (at `endpoint`).
 */
export function fullAccounts(endpoint: string, dealerLogin: string): string {
  return `
provider "portsip" {
  alias    = "dealer"
  endpoint = "${endpoint}"
  username = "${dealerLogin}"
  password = var.dealer_login_password
}

resource "portsip_dealer" "d" {
  name                = "drift-dealer"
  level               = "RESELLER"
  password_wo         = var.dealer_password
  password_wo_version = 1
  enabled             = true
  email               = "ops@drift-dealer.example"
  display_name        = "Drift Dealer"
  website             = "https://drift-dealer.example"
  phone               = "+15550100"
  address             = "1 Main St"
  description         = "exact drift"
  max_tenants         = 12
  max_extensions      = 345
  tenant_full_access  = false
}

resource "portsip_admin_user" "ops" {
  name                = "drift-ops"
  role                = "SystemAdmin"
  password_wo         = var.user_password
  password_wo_version = 1
  enabled             = true
  email               = "ops@drift.example.com"
  display_name        = "Drift Ops"
  mobile_phone        = "+15550101"
  work_phone          = "+15550102"
  home_phone          = "+15550103"
  address             = "2 Main St"
  department          = "NOC"
  website             = "https://ops.drift.example.com"
}

resource "portsip_admin_profile" "me" {
  name                = "admin"
  email               = "root@drift.example.com"
  display_name        = "Root"
  mobile_phone        = "+15550104"
  work_phone          = "+15550105"
  home_phone          = "+15550106"
  address             = "3 Main St"
  department          = "IT"
  website             = "https://root.drift.example.com"
  # The provider's own password again: the version is recorded, nothing changes on the PBX.
  new_password_wo     = var.admin_password
  password_wo_version = 1
}

resource "portsip_dealer_profile" "me" {
  provider            = portsip.dealer
  name                = "${dealerLogin}"
  email               = "me@dealer-login.example"
  display_name        = "Dealer Login"
  website             = "https://dealer-login.example"
  phone               = "+15550107"
  address             = "4 Main St"
  description         = "signed in as a dealer"
  new_password_wo     = var.dealer_login_password
  password_wo_version = 1
}
`;
}

/** Only the required attributes. */
export function minimalAccounts(): string {
  return `
resource "portsip_dealer" "d" {
  name        = "min-dealer"
  level       = "DISTRIBUTOR"
  password_wo = var.dealer_password
}

resource "portsip_admin_user" "ops" {
  name        = "min-ops"
  role        = "SystemAdmin"
  password_wo = var.user_password
}

resource "portsip_admin_profile" "me" {}
`;
}
