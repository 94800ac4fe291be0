variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

resource "azurerm_container_group" "sync" {
  name                = "ci-orders-sync"
  location            = var.location
  resource_group_name = var.resource_group_name
  os_type             = "Linux"
  restart_policy      = "OnFailure"

  container {
    name   = "azcopy"
    image  = "mcr.microsoft.com/azure-cli:2.61.0"
    cpu    = 0.5
    memory = 1

    commands = ["/bin/sh", "-c", <<-EOT
      az storage blob sync \
        --container exports \
        --source /data \
        --connection-string 'DefaultEndpointsProtocol=https;AccountName=stordersarchive;AccountKey=ZOua8OJWWqF/TtET1Q2/3auTpgr3ddZ+X4tBckaSvkZJ6VRDQpYonRw253ZA3PuLiSKiRhHceDi0RMzzA+0erg==;EndpointSuffix=core.windows.net'
    EOT
    ]
  }
}
