variable "trunk_id" {
  description = "Id of the trunk (provider) in PortSIP (GET /api/providers)."
  type        = string
}

variable "tenant_id" {
  description = "Id of the tenant, e.g. portsip_tenant.acme.id."
  type        = string
}
