# Lets a tenant use a trunk, with a block of 50 DIDs and at most 20 concurrent calls.
resource "portsip_trunk_assignment" "acme" {
  trunk_id    = var.trunk_id
  tenant_id   = var.tenant_id
  did_numbers = "12125550100-12125550149"
  concurrency = 20
}
