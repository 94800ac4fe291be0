variable "identity_type" {
  type    = string
  default = "UserAssigned"
}

resource "azurerm_user_assigned_identity" "worker" {
  name                = "id-worker"
  location            = "westeurope"
  resource_group_name = "rg-worker"
}

resource "azurerm_container_group" "worker" {
  name                = "aci-worker"
  location            = "westeurope"
  resource_group_name = "rg-worker"
  os_type             = "Linux"

  identity {
    type         = var.identity_type
    identity_ids = [azurerm_user_assigned_identity.worker.id]
  }

  container {
    name   = "worker"
    image  = "mcr.microsoft.com/azuredocs/aci-helloworld:latest"
    cpu    = "0.5"
    memory = "1.0"

    environment_variables = {
      BLOB_ENDPOINT = "https://stworker.blob.core.windows.net"
    }
  }
}

resource "azurerm_role_assignment" "worker_blob" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-worker"
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_user_assigned_identity.worker.principal_id
}
