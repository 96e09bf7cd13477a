terraform {
  # 1.11: write-only attributes (password_wo) and ephemeral variables.
  required_version = ">= 1.11"

  required_providers {
    portsip = {
      source  = "portsip/portsip"
      version = "~> 0.1"
    }
  }
}

# Endpoint and admin credentials come from PORTSIP_ENDPOINT, PORTSIP_USERNAME and PORTSIP_PASSWORD,
# so no secret is written here.
provider "portsip" {
  read_strategy = "batch"
}
