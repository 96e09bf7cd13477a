# Look a transport up by protocol and port (or by id = "...") and report whether it listens.
data "portsip_transport" "sip_udp" {
  protocol = "UDP"
  port     = 5060
}

output "sip_udp_status" {
  value = data.portsip_transport.sip_udp.status
}
