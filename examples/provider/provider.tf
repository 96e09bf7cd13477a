terraform {
  required_providers {
    portsip = {
      source = "portsip/portsip"
    }
  }
}

# The endpoint and the account come from the environment in CI
# (PORTSIP_ENDPOINT, PORTSIP_USERNAME, PORTSIP_PASSWORD); set here, they win.
provider "portsip" {
  endpoint = "https://pbx.example.com:8887"
  username = "admin"
  password = var.portsip_password

  # A PBX with a self-signed certificate: trust its CA rather than skipping verification.
  ca_cert_pem = var.portsip_ca_cert_pem

  request_timeout = "30s"
  max_retries     = 8
}
