variable "stir_shaken_cert_pem" {
  description = "STIR/SHAKEN certificate chain, PEM (e.g. file(\"stir-shaken.crt\"))."
  type        = string
}

variable "stir_shaken_key_pem" {
  description = "STIR/SHAKEN private key, PEM (TF_VAR_stir_shaken_key_pem). Sent once; never stored in plan or state."
  type        = string
  sensitive   = true
  ephemeral   = true
}
