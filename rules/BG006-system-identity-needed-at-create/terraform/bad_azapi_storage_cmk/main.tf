variable "resource_group_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-vault"
}

resource "azapi_resource" "archive" {
  type      = "Microsoft.Storage/storageAccounts@2023-01-01"
  name      = "starchivevault"
  parent_id = var.resource_group_id
  location  = "westeurope"

  identity {
    type = "SystemAssigned"
  }

  body = {
    kind = "StorageV2"
    sku  = { name = "Standard_GRS" }
    properties = {
      allowSharedKeyAccess = false
      encryption = {
        keySource = "Microsoft.Keyvault"
        keyvaultproperties = {
          keyvaulturi = "https://kv-archive.vault.azure.net"
          keyname     = "archive-cmk"
        }
      }
    }
  }
}
