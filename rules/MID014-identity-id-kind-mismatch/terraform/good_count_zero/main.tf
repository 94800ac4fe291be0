resource "azurerm_user_assigned_identity" "jobs" {
  name                = "id-jobs"
  location            = "westeurope"
  resource_group_name = "rg-jobs"
}

locals {
  roles = {
    blob  = "Storage Blob Data Reader"
    queue = "Storage Queue Data Contributor"
    vault = "Key Vault Secrets User"
  }
}

resource "azurerm_role_assignment" "jobs" {
  count                = 0
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-jobs"
  role_definition_name = "Reader"
  principal_id         = azurerm_user_assigned_identity.jobs.client_id
}
