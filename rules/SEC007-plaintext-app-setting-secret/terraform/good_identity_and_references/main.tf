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

variable "partner_client_secret" {
  type      = string
  sensitive = true
}

data "azurerm_key_vault_secret" "maps" {
  name         = "maps-api-key"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-orders"
}

resource "random_password" "session" {
  length = 48
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders"
  location = "westeurope"
}

resource "azurerm_user_assigned_identity" "app" {
  name                = "id-orders"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-orders"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "EP1"
}

resource "azurerm_linux_function_app" "orders" {
  name                            = "func-orders"
  resource_group_name             = azurerm_resource_group.rg.name
  location                        = azurerm_resource_group.rg.location
  service_plan_id                 = azurerm_service_plan.plan.id
  storage_account_name            = "stordersprod"
  storage_uses_managed_identity   = true
  key_vault_reference_identity_id = azurerm_user_assigned_identity.app.id

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.app.id]
  }

  site_config {}

  app_settings = {
    AzureWebJobsStorage__accountName    = "stordersprod"
    AzureWebJobsStorage__credential     = "managedidentity"
    AzureWebJobsStorage__clientId       = azurerm_user_assigned_identity.app.client_id
    ServiceBus__fullyQualifiedNamespace = "sb-orders.servicebus.windows.net"
    Archive__tableServiceUri            = "https://storordersarchive.table.core.windows.net"
    AZURE_CLIENT_ID                     = azurerm_user_assigned_identity.app.client_id
    AZURE_TENANT_ID                     = azurerm_user_assigned_identity.app.tenant_id
    TOKEN_ENDPOINT                      = "https://login.microsoftonline.com/72f988bf-0000-4000-8000-2d7cd011db47/oauth2/v2.0/token"
    SMTP_PASSWORD                       = "@Microsoft.KeyVault(SecretUri=https://kv-orders.vault.azure.net/secrets/smtp-password/)"
    SHIPPING_API_KEY                    = "@Microsoft.AppConfiguration(Endpoint=https://appcs-orders.azconfig.io; Key=Shipping:ApiKey)"
    PARTNER_CLIENT_SECRET               = var.partner_client_secret
    MAPS_API_KEY                        = data.azurerm_key_vault_secret.maps.value
    SESSION_SECRET                      = random_password.session.result
    JWT_SIGNING_SECRET                  = "REPLACE_ME"
    WEATHER_API_KEY                     = "<your-api-key>"
    LEGACY_PASSWORD                     = ""
  }

  connection_string {
    name  = "Orders"
    type  = "SQLAzure"
    value = "Server=tcp:sql-orders-prod.database.windows.net,1433;Database=orders;Authentication=Active Directory Managed Identity;User Id=${azurerm_user_assigned_identity.app.client_id};"
  }

  connection_string {
    name  = "Reports"
    type  = "SQLAzure"
    value = "@Microsoft.KeyVault(SecretUri=https://kv-orders.vault.azure.net/secrets/reports-connection/)"
  }

  # a recognizable credential format is SEC006's finding, not repeated here
  connection_string {
    name  = "Legacy"
    type  = "SQLAzure"
    value = "Server=tcp:sql-orders-legacy.database.windows.net;Database=orders;User ID=legacy;Password=Legacy-Orders-2019;"
  }
}
