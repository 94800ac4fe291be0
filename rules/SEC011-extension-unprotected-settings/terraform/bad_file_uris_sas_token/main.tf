terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

variable "artifacts_location" {
  type    = string
  default = "https://stscripts.blob.core.windows.net/scripts/"
}

variable "artifacts_location_sas_token" {
  type      = string
  sensitive = true
}

# The staging SAS token appended to public fileUris: readable by anyone who can read the VM.
resource "azurerm_virtual_machine_extension" "install" {
  name                 = "install"
  virtual_machine_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web"
  publisher            = "Microsoft.Azure.Extensions"
  type                 = "CustomScript"
  type_handler_version = "2.1"

  settings = jsonencode({
    fileUris         = ["${var.artifacts_location}install.sh${var.artifacts_location_sas_token}"]
    commandToExecute = "sh install.sh"
  })
}
