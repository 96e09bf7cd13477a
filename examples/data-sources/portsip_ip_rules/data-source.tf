# Every block-list entry whose network starts with 198.51.
data "portsip_ip_rules" "blocked" {
  target = "DENY"
  filter = "startswith(cidr,'198.51.')"
}

output "blocked_networks" {
  value = [for r in data.portsip_ip_rules.blocked.rules : r.cidr]
}
