variable "data_factory_id" {
  type = string
}

variable "connection_string" {
  type      = string
  sensitive = true
  default   = null
}

resource "azurerm_data_factory_linked_service_azure_blob_storage" "this" {
  name              = "Blob"
  data_factory_id   = var.data_factory_id
  connection_string = var.connection_string
}
