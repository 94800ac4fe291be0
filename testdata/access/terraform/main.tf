provider "azurerm" {
  features {}
}

data "azurerm_subscription" "current" {}

resource "azurerm_user_assigned_identity" "deployer" {
  name                = "id-deployer"
  resource_group_name = "rg-platform"
  location            = "westeurope"
}

resource "azurerm_role_definition" "reader_plus" {
  name  = "Reader Plus"
  scope = data.azurerm_subscription.current.id

  permissions {
    actions = ["*/read", "Microsoft.Storage/storageAccounts/listKeys/action"]
  }

  assignable_scopes = [data.azurerm_subscription.current.id]
}

resource "azurerm_role_assignment" "deployer_contributor" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Contributor"
  principal_id         = azurerm_user_assigned_identity.deployer.principal_id
}

resource "azurerm_role_assignment" "deployer_custom" {
  scope              = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app"
  role_definition_id = azurerm_role_definition.reader_plus.role_definition_resource_id
  principal_id       = azurerm_user_assigned_identity.deployer.principal_id
  principal_type     = "ServicePrincipal"
}

resource "azurerm_role_assignment" "auditor" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Reader"
  principal_id         = "11111111-2222-3333-4444-555555555555"
  principal_type       = "User"
}
