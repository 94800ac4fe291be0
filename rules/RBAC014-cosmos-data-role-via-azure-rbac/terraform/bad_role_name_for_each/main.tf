provider "azurerm" {
  features {}
}

variable "principal_id" {
  type = string
}

variable "account_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.DocumentDB/databaseAccounts/cosmos-reports"
}

locals {
  roles = {
    reader   = "Cosmos DB Built-in Data Reader"
    operator = "Cosmos DB Operator"
  }
}

# A role map: the Cosmos DB data role name is not an Azure role (reported once);
# Cosmos DB Operator is.
resource "azurerm_role_assignment" "reports" {
  for_each             = local.roles
  scope                = var.account_id
  role_definition_name = each.value
  principal_id         = var.principal_id
}
