data "azurerm_subscription" "current" {}

resource "azurerm_user_assigned_identity" "deployer" {
  name                = "id-deployer"
  resource_group_name = "platform-core"
  location            = "westeurope"
}

# Allowed: a platform resource group.
resource "azurerm_role_assignment" "platform" {
  scope                = "${data.azurerm_subscription.current.id}/resourceGroups/platform-core"
  role_definition_name = "Owner"
  principal_id         = azurerm_user_assigned_identity.deployer.principal_id
}

# Not allowed: an application resource group.
resource "azurerm_role_assignment" "app" {
  scope                = "${data.azurerm_subscription.current.id}/resourceGroups/app-core"
  role_definition_name = "Owner"
  principal_id         = azurerm_user_assigned_identity.deployer.principal_id
}
