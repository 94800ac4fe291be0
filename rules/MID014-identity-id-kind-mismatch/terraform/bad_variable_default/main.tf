variable "worker_client_id" {
  description = "Client ID of the worker identity (the default is its resource ID by mistake)"
  type        = string
  default     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-worker"
}

resource "azurerm_container_group" "worker" {
  name                = "aci-worker"
  location            = "westeurope"
  resource_group_name = "rg-worker"
  os_type             = "Linux"

  identity {
    type         = "UserAssigned"
    identity_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-worker"]
  }

  container {
    name   = "worker"
    image  = "mcr.microsoft.com/azuredocs/aci-helloworld:latest"
    cpu    = "0.5"
    memory = "1.0"

    environment_variables = {
      AZURE_CLIENT_ID = var.worker_client_id
    }
  }
}
