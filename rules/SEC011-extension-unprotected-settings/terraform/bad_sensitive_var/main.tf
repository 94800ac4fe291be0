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

variable "sql_service_password" {
  type      = string
  sensitive = true
}

resource "azurerm_virtual_machine_extension" "configure_sql" {
  name                       = "configure-sql"
  virtual_machine_id         = var.vm_id
  publisher                  = "Microsoft.Compute"
  type                       = "CustomScriptExtension"
  type_handler_version       = "1.10"
  auto_upgrade_minor_version = true

  settings = jsonencode({
    fileUris         = ["https://contososcripts.blob.core.windows.net/public/configure-sql.ps1"]
    commandToExecute = "powershell -ExecutionPolicy Unrestricted -File configure-sql.ps1 -ServicePassword ${var.sql_service_password}"
  })
}
