terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

# A sensitive object whose default only switches the feature off.
variable "domain_join" {
  type      = any
  sensitive = true
  default = {
    enabled = false
    retries = 3
  }
}

# An empty SAS query string.
variable "bacpac_sas_token" {
  type      = string
  sensitive = true
  default   = "?"
}

output "domain_join_enabled" {
  value     = var.domain_join.enabled
  sensitive = true
}

output "bacpac_sas_token" {
  value     = var.bacpac_sas_token
  sensitive = true
}
