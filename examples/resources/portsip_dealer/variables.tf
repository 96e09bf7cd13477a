variable "dealer_password" {
  description = "Password of the dealer account, at least 6 characters (TF_VAR_dealer_password)."
  type        = string
  sensitive   = true
  ephemeral   = true
}
