variable "site_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/sites/app-web"
}

resource "azapi_resource" "staging" {
  type      = "Microsoft.Web/sites/slots@2023-12-01"
  name      = "staging"
  parent_id = var.site_id
  location  = "westeurope"

  identity {
    type = "SystemAssigned"
  }

  body = {
    properties = {
      httpsOnly = true
    }
  }
}
