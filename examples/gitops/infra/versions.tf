terraform {
  required_version = ">= 1.11"
  required_providers {
    portsip = {
      source  = "portsip/portsip"
      version = "~> 0.1"
    }
  }

  # Plans on pull requests, the apply on merge and the nightly drift check must share one state:
  # use a remote backend with locking, e.g.
  #   backend "s3" {
  #     bucket       = "acme-terraform-state"
  #     key          = "portsip/terraform.tfstate"
  #     region       = "eu-west-1"
  #     use_lockfile = true
  #   }
}

# endpoint, username and password come from PORTSIP_ENDPOINT, PORTSIP_USERNAME, PORTSIP_PASSWORD.
provider "portsip" {}
