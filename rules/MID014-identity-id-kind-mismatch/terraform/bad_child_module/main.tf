resource "azurerm_user_assigned_identity" "ingest" {
  name                = "id-ingest"
  location            = "westeurope"
  resource_group_name = "rg-ingest"
}

module "roles" {
  source       = "./modules/roles"
  principal_id = azurerm_user_assigned_identity.ingest.client_id
  scope        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ingest"
}
