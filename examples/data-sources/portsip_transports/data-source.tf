# The ports the PBX listens on for TLS.
data "portsip_transports" "tls" {
  filter = "protocol eq 'TLS'"
}

output "tls_ports" {
  value = [for t in data.portsip_transports.tls.transports : t.port]
}
