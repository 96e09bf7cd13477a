variable "trunk_password" {
  description = "Password the PBX registers to the carrier with (TF_VAR_trunk_password)."
  type        = string
  sensitive   = true
  ephemeral   = true
}
