output "tenant_id" {
  value = portsip_tenant.acme.id
}

output "dealer_id" {
  value = portsip_dealer.reseller.id
}

output "pbx_version" {
  value = data.portsip_system_status.pbx.version
}

output "trunk_id" {
  value = one(data.portsip_trunks.carrier.trunks).id
}
