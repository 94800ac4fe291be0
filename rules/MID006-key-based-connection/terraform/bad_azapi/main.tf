provider "azurerm" {
  features {}
}

resource "azurerm_storage_account" "queue" {
  name                     = "stqueueworker"
  resource_group_name      = "rg-worker"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azapi_resource" "worker" {
  type      = "Microsoft.App/containerApps@2024-03-01"
  name      = "queue-worker"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-worker"
  location  = "westeurope"

  identity {
    type = "SystemAssigned"
  }

  body = {
    properties = {
      environmentId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-worker/providers/Microsoft.App/managedEnvironments/cae"
      configuration = {
        secrets = [
          {
            name  = "queue-connection"
            value = azurerm_storage_account.queue.primary_connection_string
          }
        ]
      }
      template = {
        containers = [
          {
            name  = "worker"
            image = "mcr.microsoft.com/k8se/quickstart:latest"
          }
        ]
      }
    }
  }
}
