# Look a tenant up by its SIP domain (or by id = "...").
data "portsip_tenant" "acme" {
  domain = "acme-dental.voice.example.com"
}

output "acme_tenant_id" {
  value = data.portsip_tenant.acme.id
}

output "acme_max_extensions" {
  value = data.portsip_tenant.acme.max_extensions
}
