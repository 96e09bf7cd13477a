# Every tenant in the USA region, e.g. to report their domains.
data "portsip_tenants" "usa" {
  filter = "region eq 'USA'"
}

output "usa_tenant_domains" {
  value = [for t in data.portsip_tenants.usa.tenants : t.domain]
}
