terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

resource "azapi_resource" "cosmos" {
  type      = "Microsoft.DataFactory/factories/linkedservices@2018-06-01"
  name      = "Orders"
  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.DataFactory/factories/adf-contoso"

  body = {
    properties = {
      type = "CosmosDb"
      typeProperties = {
        accountEndpoint = "https://cosmos-contoso.documents.azure.com:443/"
        database        = "orders"
        accountKey = {
          type  = "SecureString"
          value = "b3JkZXJzLWNvc21vcy1rZXk="
        }
      }
    }
  }
}
