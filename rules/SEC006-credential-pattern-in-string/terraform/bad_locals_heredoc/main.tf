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

# Deployment service principal before the move to OIDC: PaM7Q~4FauXpsU8qJwQ0ZPTTYVIRCVuxqM9EAspy

/*
  Service Bus for local testing:
  Endpoint=sb://sb-orders-dev.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=bmxax/Xch7+P2vZmQbIZ84OaGuXoxypxbqEyl9uUiZQ=
*/

// ODBC for the reporting VM: Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql-orders-prod.database.windows.net;Uid=sqladmin;Pwd=Orders#Sql2024;

locals {
  storage_connection = "DefaultEndpointsProtocol=https;AccountName=stordersprod;AccountKey=dAiQYyJxeeihv7/YiitCuGYs4SvMEHnS0tHwxcD9JvcA2Rhw6yu5wXd2ktZVP5TAhWua0N0fy/eqnnXoBzxQCQ==;EndpointSuffix=core.windows.net"
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-orders"
  location = "westeurope"
}

resource "azurerm_service_plan" "plan" {
  name                = "asp-orders"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_linux_function_app" "api" {
  name                          = "func-orders-api"
  resource_group_name           = azurerm_resource_group.rg.name
  location                      = azurerm_resource_group.rg.location
  service_plan_id               = azurerm_service_plan.plan.id
  storage_account_name          = "stordersprod"
  storage_uses_managed_identity = true

  site_config {}

  # one local used twice: reported once, where the text is
  app_settings = {
    ReportsStorage = local.storage_connection
    ArchiveStorage = local.storage_connection
  }

  tags = {
    owner            = "orders-team"
    smoke_test_token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL29yZGVycy5jb250b3NvLmV4YW1wbGUiLCJzdWIiOiJidWlsZC1hZ2VudCIsImF1ZCI6Im9yZGVycy1hcGkiLCJleHAiOjE3NjcyMjU2MDB9.1SJjhgV0Zo1NUtD4AiTgPBj8dTNw8eyzhb6u5NaxqJs"
  }
}

resource "azurerm_linux_virtual_machine" "reporting" {
  name                            = "vm-orders-reporting"
  resource_group_name             = azurerm_resource_group.rg.name
  location                        = azurerm_resource_group.rg.location
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  disable_password_authentication = true
  network_interface_ids           = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Network/networkInterfaces/nic-orders-reporting"]

  admin_ssh_key {
    username   = "azureuser"
    public_key = file("~/.ssh/id_rsa.pub")
  }

  custom_data = base64encode(<<-EOT
    #!/bin/bash
    mkdir -p /home/azureuser/.ssh
    cat > /home/azureuser/.ssh/deploy_key <<'KEY'
    -----BEGIN OPENSSH PRIVATE KEY-----
    b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
    QyNTUxOQAAACBvcmRlcnNmYWtla2V5bWF0ZXJpYWxmb3JpZGxpbnR0ZXN0AAAAAAAAAAAA
    -----END OPENSSH PRIVATE KEY-----
    KEY
    chmod 600 /home/azureuser/.ssh/deploy_key
  EOT
  )

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}
