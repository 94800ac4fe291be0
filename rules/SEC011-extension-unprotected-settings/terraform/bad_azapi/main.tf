terraform {
  required_providers {
    azapi = {
      source  = "Azure/azapi"
      version = "~> 1.13"
    }
  }
}

provider "azapi" {}

variable "vm_id" {
  type = string
}

variable "registration_token" {
  type      = string
  sensitive = true
}

resource "azapi_resource" "register_runner" {
  type      = "Microsoft.Compute/virtualMachines/extensions@2023-09-01"
  name      = "register-runner"
  parent_id = var.vm_id
  location  = "westeurope"

  body = jsonencode({
    properties = {
      publisher          = "Microsoft.Azure.Extensions"
      type               = "CustomScript"
      typeHandlerVersion = "2.1"
      settings = {
        commandToExecute = "bash /opt/runner/config.sh --url https://github.com/contoso --token ${var.registration_token}"
      }
    }
  })
}
