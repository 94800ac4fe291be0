variable "landing_sas_uri" {
  type      = string
  sensitive = true
}

resource "azurerm_data_factory_linked_service_azure_blob_storage" "landing" {
  name            = "Landing"
  data_factory_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.DataFactory/factories/adf-contoso"
  sas_uri         = var.landing_sas_uri
}
