variable "tls_fullchain_pem" {
  description = "The PBX certificate followed by its intermediates, PEM (e.g. file(\"fullchain.pem\"))."
  type        = string
}

variable "tls_private_key_pem" {
  description = "The unencrypted private key of that certificate, PEM (TF_VAR_tls_private_key_pem)."
  type        = string
  sensitive   = true
  ephemeral   = true
}
