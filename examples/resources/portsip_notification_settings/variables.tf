variable "smtp_password" {
  description = "Password of the SMTP account (TF_VAR_smtp_password)."
  type        = string
  sensitive   = true
  ephemeral   = true
}
