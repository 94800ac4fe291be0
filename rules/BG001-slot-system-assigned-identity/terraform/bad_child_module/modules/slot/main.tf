variable "app_id" {
  type = string
}

variable "identity_type" {
  type    = string
  default = "UserAssigned"
}

resource "azurerm_windows_web_app_slot" "staging" {
  name           = "staging"
  app_service_id = var.app_id

  identity {
    type = var.identity_type
  }

  site_config {}
}
