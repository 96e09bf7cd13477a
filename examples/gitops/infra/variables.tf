variable "dealer_password" {
  description = "Initial password of the reseller account (write-only: never in plan files or state)."
  type        = string
  sensitive   = true
  ephemeral   = true
}
