variable "dealer_password" {
  description = "Initial password of the reseller account (TF_VAR_dealer_password). Sent once, on create; never stored in plan or state."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "trunk_name" {
  description = "Name of the trunk that carries the tenant's numbers, as the web portal shows it; data.portsip_trunks finds its id. The default is the emulator's seeded Twilio trunk."
  type        = string
  default     = "twilio-elastic"
}
