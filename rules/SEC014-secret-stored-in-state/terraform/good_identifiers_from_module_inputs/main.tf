terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.30"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "mysql_servers" {
  description = "Server settings by key: administrator_login, databases, keyvault_id."
  type        = any
}

data "azurerm_client_config" "current" {}

# Each server's settings come from the caller's map: inside the module every
# value is known only per instance.
module "mysql" {
  source   = "./modules/mysql"
  for_each = var.mysql_servers

  settings                         = each.value
  client_config                    = data.azurerm_client_config.current
  service_principal_application_id = can(each.value.application_id) ? each.value.application_id : null
}
