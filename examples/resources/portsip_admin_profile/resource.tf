# The profile of the account the provider signs in with. Creating it adopts the live profile and
# changes only what is set here. Renaming the account or changing its password (write-only
# `new_password_wo` from an ephemeral variable, plus `password_wo_version`) changes the provider's
# own credentials: update the provider configuration in the same change.
resource "portsip_admin_profile" "this" {
  display_name = "PBX automation"
  email        = "pbx-automation@example.com"
  department   = "Platform"
}
