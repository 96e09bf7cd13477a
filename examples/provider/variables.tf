variable "portsip_password" {
  description = "Password of the PortSIP admin account the provider signs in with (TF_VAR_portsip_password)."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "portsip_ca_cert_pem" {
  description = "PEM of the CA that signed the PBX's certificate; null to use the system CAs."
  type        = string
  default     = null
}
