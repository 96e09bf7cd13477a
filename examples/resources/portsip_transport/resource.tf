# A TLS listener; the PBX needs a certificate (portsip_certificate) for it.
resource "portsip_transport" "tls" {
  protocol     = "TLS"
  port         = 5061
  verification = "OPTIONAL"
}
