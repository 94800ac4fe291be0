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

variable "vm_id" {
  type = string
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "admin_password" {
  type      = string
  sensitive = true
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-sql"
  location = "westeurope"
}

resource "azurerm_storage_account" "scripts" {
  name                     = "contososqlscripts"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = azurerm_resource_group.rg.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_virtual_machine_extension" "configure" {
  name                 = "configure"
  virtual_machine_id   = var.vm_id
  publisher            = "Microsoft.Compute"
  type                 = "CustomScriptExtension"
  type_handler_version = "1.10"

  # only what may be read back
  settings = jsonencode({
    fileUris  = ["https://contososqlscripts.blob.core.windows.net/scripts/configure.ps1"]
    timestamp = 20240611
  })

  protected_settings = jsonencode({
    commandToExecute   = "powershell -File configure.ps1 -Environment ${var.environment} -AdminPassword ${var.admin_password}"
    storageAccountName = azurerm_storage_account.scripts.name
    storageAccountKey  = azurerm_storage_account.scripts.primary_access_key
  })
}

resource "azurerm_virtual_machine_extension" "tune" {
  name                 = "tune"
  virtual_machine_id   = var.vm_id
  publisher            = "Microsoft.Compute"
  type                 = "CustomScriptExtension"
  type_handler_version = "1.10"

  # a plain variable is not a secret
  settings = jsonencode({
    commandToExecute = "powershell -File tune.ps1 -Environment ${var.environment}"
  })
}
