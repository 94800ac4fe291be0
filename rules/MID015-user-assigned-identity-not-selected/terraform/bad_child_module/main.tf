resource "azurerm_user_assigned_identity" "ingest" {
  name                = "id-ingest"
  location            = "westeurope"
  resource_group_name = "rg-ingest"
}

resource "azurerm_role_assignment" "ingest_queue" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ingest"
  role_definition_name = "Storage Queue Data Contributor"
  principal_id         = azurerm_user_assigned_identity.ingest.principal_id
}

module "app" {
  source       = "./modules/app"
  identity_id  = azurerm_user_assigned_identity.ingest.id
  app_settings = {}
}
