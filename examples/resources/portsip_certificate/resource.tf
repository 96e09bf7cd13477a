# The certificate TLS/WSS transports and the web portal present. The key is write-only: never
# stored in plan or state; bump key_wo_version to send it again with an unchanged certificate.
resource "portsip_certificate" "this" {
  crt            = var.tls_fullchain_pem
  key_wo         = var.tls_private_key_pem
  key_wo_version = 1
}
