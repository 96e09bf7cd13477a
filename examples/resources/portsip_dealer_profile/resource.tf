# The profile of the dealer account the provider signs in with (configure the provider with dealer
# credentials). Creating it adopts the live profile and changes only what is set here. Renaming
# the account or changing its password (write-only `new_password_wo` from an ephemeral variable,
# plus `password_wo_version`) changes the provider's own credentials: update them in the same change.
resource "portsip_dealer_profile" "this" {
  display_name = "ACME Telecom"
  email        = "ops@acme-telecom.example"
  website      = "https://acme-telecom.example"
}
