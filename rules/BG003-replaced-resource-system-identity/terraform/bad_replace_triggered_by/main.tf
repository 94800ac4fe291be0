variable "image_tag" {
  type    = string
  default = "1.4.2"
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-worker"
  location = "westeurope"
}

resource "azurerm_container_app_environment" "env" {
  name                = "cae-worker"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azurerm_key_vault" "kv" {
  name                      = "kv-worker"
  resource_group_name       = azurerm_resource_group.rg.name
  location                  = azurerm_resource_group.rg.location
  tenant_id                 = "00000000-0000-0000-0000-000000000000"
  sku_name                  = "standard"
  enable_rbac_authorization = true
}

resource "terraform_data" "release" {
  input = var.image_tag
}

# Every new image tag replaces the app, and with it its principal.
resource "azurerm_container_app" "worker" {
  name                         = "ca-worker"
  container_app_environment_id = azurerm_container_app_environment.env.id
  resource_group_name          = azurerm_resource_group.rg.name
  revision_mode                = "Single"

  identity {
    type = "SystemAssigned"
  }

  template {
    container {
      name   = "worker"
      image  = "mcr.microsoft.com/k8se/quickstart:${var.image_tag}"
      cpu    = 0.25
      memory = "0.5Gi"
    }
  }

  lifecycle {
    replace_triggered_by = [terraform_data.release]
  }
}

resource "azurerm_role_assignment" "worker_secrets" {
  scope                = azurerm_key_vault.kv.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_container_app.worker.identity[0].principal_id
}
