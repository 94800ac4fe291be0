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

variable "admin_login" {
  type = string
}

# harness token inside a value
resource "azurerm_mssql_server" "p0" {
  name                         = "sql-placeholder-0"
  resource_group_name          = "rg-docs"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = var.admin_login
  administrator_login_password = "pasGEN-PASSWORDsword"
}

# prerequisite token
resource "azurerm_mssql_server" "p1" {
  name                         = "sql-placeholder-1"
  resource_group_name          = "rg-docs"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = var.admin_login
  administrator_login_password = "GET-PREREQ-serverPassword"
}

# instruction
resource "azurerm_mssql_server" "p2" {
  name                         = "sql-placeholder-2"
  resource_group_name          = "rg-docs"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = var.admin_login
  administrator_login_password = "yourpassword"
}

# instruction with a digit
resource "azurerm_mssql_server" "p3" {
  name                         = "sql-placeholder-3"
  resource_group_name          = "rg-docs"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = var.admin_login
  administrator_login_password = "2yourpassword"
}

# instruction in camel case
resource "azurerm_mssql_server" "p4" {
  name                         = "sql-placeholder-4"
  resource_group_name          = "rg-docs"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = var.admin_login
  administrator_login_password = "YourClientSecret"
}

# the value names itself
resource "azurerm_mssql_server" "p5" {
  name                         = "sql-placeholder-5"
  resource_group_name          = "rg-docs"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = var.admin_login
  administrator_login_password = "secretKey"
}

# prose
resource "azurerm_mssql_server" "p6" {
  name                         = "sql-placeholder-6"
  resource_group_name          = "rg-docs"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = var.admin_login
  administrator_login_password = "enter the password here"
}

# CAF's generate-one
resource "azurerm_mssql_server" "p7" {
  name                         = "sql-placeholder-7"
  resource_group_name          = "rg-docs"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = var.admin_login
  administrator_login_password = "dynamic"
}

# the value only names the secret: an Active Directory user's password
resource "azurerm_netapp_account" "p_ad" {
  name                = "netapp-placeholder"
  resource_group_name = "rg-docs"
  location            = "westeurope"

  active_directory {
    username            = "aduser"
    password            = "aduserpwd"
    smb_server_name     = "SMBSERVER"
    dns_servers         = ["10.0.0.4"]
    domain              = "corp.contoso.com"
    organizational_unit = "OU=FirstLevel"
  }
}
