resource "portsip_sbc_settings" "this" {
  domain     = "sbc.example.com"
  https_port = 8883

  # With transports blocks the list is enforced as written.
  transports {
    protocol = "UDP"
    port     = 5066
  }
  transports {
    protocol = "TLS"
    port     = 5067
  }
}
