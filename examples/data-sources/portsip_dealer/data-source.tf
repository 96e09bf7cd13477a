# Look a dealer up by its login name (or by id = "...") to designate tenants to it.
data "portsip_dealer" "reseller" {
  name = "acme-telecom"
}

output "reseller_id" {
  value = data.portsip_dealer.reseller.id
}

output "reseller_tenant_quota" {
  value = data.portsip_dealer.reseller.max_tenants
}
