variable "dealer_password" {
  description = "Initial password of the reseller account (TF_VAR_dealer_password). Sent once, on create; never stored in plan or state."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "trunk_id" {
  description = "PortSIP id of the trunk that carries the tenant's numbers (GET /api/providers). The default is the emulator's seeded Twilio trunk."
  type        = string
  default     = "NzAwNTUxOTA5NzczMTQ4MjAw"
}
