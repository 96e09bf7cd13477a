# Every reseller account, by login name.
data "portsip_dealers" "resellers" {
  filter = "level eq 'RESELLER'"
}

output "reseller_names" {
  value = [for d in data.portsip_dealers.resellers.dealers : d.name]
}
