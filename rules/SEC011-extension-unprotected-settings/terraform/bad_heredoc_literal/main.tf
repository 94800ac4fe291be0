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

variable "vm_id" {
  type = string
}

resource "azurerm_virtual_machine_extension" "install_agent" {
  name                 = "install-agent"
  virtual_machine_id   = var.vm_id
  publisher            = "Microsoft.Azure.Extensions"
  type                 = "CustomScript"
  type_handler_version = "2.1"

  settings = <<SETTINGS
 {
  "fileUris": ["https://contososcripts.blob.core.windows.net/public/install-agent.sh"],
  "commandToExecute": "bash install-agent.sh --pool linux-build --user svc-agent --password=Contoso!Agent2024"
 }
SETTINGS
}
