resource "azurerm_resource_group" "rg" {
  name     = "rg-mail"
  location = "westeurope"
}

resource "azurerm_container_app_environment" "env" {
  name                = "cae-mail"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azurerm_user_assigned_identity" "mail" {
  name                = "id-mail"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azurerm_container_app" "mail" {
  name                         = "ca-mail"
  container_app_environment_id = azurerm_container_app_environment.env.id
  resource_group_name          = azurerm_resource_group.rg.name
  revision_mode                = "Single"

  identity {
    type         = "SystemAssigned, UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.mail.id]
  }

  secret {
    name                = "smtp-password"
    key_vault_secret_id = "https://kv-mail.vault.azure.net/secrets/smtp-password"
    identity            = azurerm_user_assigned_identity.mail.id
  }

  template {
    container {
      name   = "mail"
      image  = "mcr.microsoft.com/k8se/quickstart:latest"
      cpu    = 0.25
      memory = "0.5Gi"
      env {
        name  = "AZURE_CLIENT_ID"
        value = azurerm_user_assigned_identity.mail.client_id
      }
    }
  }
}
