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

resource "azurerm_resource_group" "platform_net" {
  name     = "platform-net"
  location = "westeurope"
}

resource "azurerm_resource_group" "orders" {
  name     = "orders-prod"
  location = "westeurope"
}

# Allowed: the scope is a platform resource group declared here, by reference.
resource "azurerm_role_assignment" "platform_net" {
  scope                = azurerm_resource_group.platform_net.id
  role_definition_name = "Owner"
  principal_id         = azurerm_user_assigned_identity.deployer.principal_id
}

# Not allowed: an application resource group, by reference.
resource "azurerm_role_assignment" "orders" {
  scope                = azurerm_resource_group.orders.id
  role_definition_name = "Owner"
  principal_id         = azurerm_user_assigned_identity.deployer.principal_id
}
