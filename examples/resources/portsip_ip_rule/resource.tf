# Always let the office network in.
resource "portsip_ip_rule" "office" {
  cidr        = "203.0.113.0/24"
  target      = "ACCEPT"
  description = "Office network"
}

# Block a scanner until the end of the year.
resource "portsip_ip_rule" "scanner" {
  cidr        = "198.51.100.7/32"
  target      = "DENY"
  description = "SIP scanner"
  expire_at   = "2030-12-31T23:59:59Z"
}
