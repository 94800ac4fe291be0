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

variable "key_vault_id" {
  type = string
}

variable "domain_join" {
  type = object({
    username_secret_name = string
    password_secret_name = string
  })
}

# The domain join user name is kept in Key Vault beside the password; the
# data source's name says it reads a user name, which public settings may hold.
data "azurerm_key_vault_secret" "domain_join_username" {
  name         = var.domain_join.username_secret_name
  key_vault_id = var.key_vault_id
}

data "azurerm_key_vault_secret" "domain_join_password" {
  name         = var.domain_join.password_secret_name
  key_vault_id = var.key_vault_id
}

resource "azurerm_virtual_machine_extension" "domainjoin" {
  name                 = "domainjoin"
  virtual_machine_id   = var.vm_id
  publisher            = "Microsoft.Compute"
  type                 = "JsonADDomainExtension"
  type_handler_version = "1.3"

  settings = jsonencode({
    Name    = "corp.contoso.com"
    User    = data.azurerm_key_vault_secret.domain_join_username.value
    Restart = "true"
    Options = "3"
  })

  protected_settings = jsonencode({
    Password = data.azurerm_key_vault_secret.domain_join_password.value
  })
}
