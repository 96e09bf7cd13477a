// Transports and IP rules: their part of the exact-drift configurations (index.ts).

/** Every attribute set; secrets through the variables index.ts declares. */
export function fullNetwork(): string {
  return `
resource "portsip_transport" "tls" {
  protocol     = "TLS"
  port         = 5061
  verification = "OPTIONAL"
}

resource "portsip_ip_rule" "office" {
  cidr        = "192.0.2.0/24"
  target      = "ACCEPT"
  description = "office"
  expire_at   = "2099-01-02T03:04:05Z"
}
`;
}

/** Only the required attributes. */
export function minimalNetwork(): string {
  return `
resource "portsip_transport" "udp" {
  protocol = "UDP"
  port     = 5090
}

resource "portsip_ip_rule" "deny" {
  cidr   = "198.51.100.0/24"
  target = "DENY"
}
`;
}
