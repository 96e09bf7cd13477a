resource "portsip_data_flow_server" "this" {
  public_ipv4  = "203.0.113.7"
  private_ipv4 = "10.0.0.7"
}
