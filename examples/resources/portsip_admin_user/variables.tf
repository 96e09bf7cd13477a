variable "ops_admin_password" {
  description = "Password of the operations administrator, at least 6 characters (TF_VAR_ops_admin_password)."
  type        = string
  sensitive   = true
  ephemeral   = true
}
