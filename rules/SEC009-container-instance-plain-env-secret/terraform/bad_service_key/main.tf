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

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders"
  location = "northeurope"
}

resource "azurerm_storage_account" "sa" {
  name                     = "contosoordersdata"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = azurerm_resource_group.rg.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

locals {
  blob_credential = azurerm_storage_account.sa.primary_access_key
}

resource "azurerm_container_group" "worker" {
  name                = "aci-orders-worker"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  os_type             = "Linux"
  ip_address_type     = "None"

  container {
    name   = "worker"
    image  = "contosoacr.azurecr.io/orders/worker:1.4.2"
    cpu    = 1
    memory = 2

    environment_variables = {
      BLOB_ENDPOINT             = azurerm_storage_account.sa.primary_blob_endpoint
      STORAGE_CONNECTION_STRING = azurerm_storage_account.sa.primary_connection_string
      BLOB_CREDENTIAL           = local.blob_credential
      UPSTREAM_AUTH             = var.upstream_auth
      ORDERS_QUEUE              = var.queue_name
    }
  }
}
