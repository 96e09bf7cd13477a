# Alert mail through the company's SMTP relay.
resource "portsip_notification_settings" "this" {
  type                 = "SMTP"
  server               = "smtp.example.com"
  port                 = 587
  enable_tls_ssl       = false
  enable_starttls_auto = true
  auth                 = "LOGIN"
  username             = "pbx-alerts@example.com"
  reply_to             = "noc@example.com"
  recipients           = "ops@example.com,noc@example.com"

  # Write-only: never stored in plan or state. Bump the version to send a new password.
  password_wo         = var.smtp_password
  password_wo_version = 1

  notify_ip_blocked                   = true
  notify_service_disconnected         = true
  notify_hard_disk_exceeded_threshold = true
  hard_disk_threshold                 = 0.9
}
