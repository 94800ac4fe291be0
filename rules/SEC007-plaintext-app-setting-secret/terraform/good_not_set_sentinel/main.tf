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

variable "service_plan_id" {
  type = string
}

# An optional integration: the default says "not set"; no secret is stored.
variable "moesif_session_token" {
  type    = string
  default = "optional"
}

resource "azurerm_linux_web_app" "events" {
  name                = "app-events"
  resource_group_name = "rg-events"
  location            = "westeurope"
  service_plan_id     = var.service_plan_id

  site_config {}

  app_settings = {
    MOESIF_SESSION_TOKEN = var.moesif_session_token
  }
}
