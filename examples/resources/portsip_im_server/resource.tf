resource "portsip_im_server" "this" {
  public_ipv4  = "203.0.113.6"
  private_ipv4 = "10.0.0.6"
}
