terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-billing"
  location = "westeurope"
}

resource "azurerm_user_assigned_identity" "api" {
  name                = "id-billing-api"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
}

resource "random_password" "session" {
  length  = 32
  special = false
}

resource "azurerm_container_group" "api" {
  name                = "aci-billing-api"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  os_type             = "Linux"

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.api.id]
  }

  container {
    name   = "api"
    image  = "contosoacr.azurecr.io/billing/api:3.2.0"
    cpu    = 1
    memory = 2

    # configuration only: names that are not secret-like, values that are not secrets
    environment_variables = {
      ASPNETCORE_ENVIRONMENT = "Production"
      KEY_VAULT_NAME         = "kv-contoso-billing"
      KEYVAULT_URI           = "https://kv-contoso-billing.vault.azure.net/"
      DB_PASSWORD_SECRET_URI = "https://kv-contoso-billing.vault.azure.net/secrets/db-password"
      AZURE_CLIENT_ID        = azurerm_user_assigned_identity.api.client_id
      TOKEN_LIFETIME         = "00:30:00"
      SIGNING_PUBLIC_KEY     = "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="
    }

    # secrets: not shown by the API
    secure_environment_variables = {
      DB_PASSWORD    = var.db_password
      SESSION_SECRET = random_password.session.result
    }
  }
}
