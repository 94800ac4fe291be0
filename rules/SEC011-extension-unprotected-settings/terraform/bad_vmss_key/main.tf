terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.100"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "vmss_id" {
  type = string
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-agents"
  location = "westeurope"
}

resource "azurerm_storage_account" "scripts" {
  name                     = "contosoagentscripts"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = azurerm_resource_group.rg.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_virtual_machine_scale_set_extension" "bootstrap" {
  name                         = "bootstrap"
  virtual_machine_scale_set_id = var.vmss_id
  publisher                    = "Microsoft.Azure.Extensions"
  type                         = "CustomScript"
  type_handler_version         = "2.1"

  settings = jsonencode({
    fileUris           = ["https://${azurerm_storage_account.scripts.name}.blob.core.windows.net/scripts/bootstrap.sh"]
    storageAccountName = azurerm_storage_account.scripts.name
    storageAccountKey  = azurerm_storage_account.scripts.primary_access_key
    commandToExecute   = "bash bootstrap.sh"
  })
}
