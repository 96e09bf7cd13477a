resource "portsip_network_settings" "this" {
  web_domain           = "pbx.example.com"
  public_ipv4          = "203.0.113.5"
  private_ipv4         = "10.0.0.5"
  primary_dns_server   = "10.0.0.2"
  secondary_dns_server = "1.1.1.1"
}
