variable "cdr_webhook_token" {
  description = "Bearer token the PBX sends to the CDR webhook (TF_VAR_cdr_webhook_token)."
  type        = string
  sensitive   = true
  ephemeral   = true
}
