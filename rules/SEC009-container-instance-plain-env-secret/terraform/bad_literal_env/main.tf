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

resource "azurerm_resource_group" "rg" {
  name     = "rg-reports"
  location = "westeurope"
}

resource "azurerm_container_group" "reports" {
  name                = "aci-nightly-report"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  os_type             = "Linux"
  restart_policy      = "OnFailure"
  ip_address_type     = "None"

  container {
    name   = "report"
    image  = "mcr.microsoft.com/azuredocs/aci-helloworld:latest"
    cpu    = 1
    memory = 1.5

    environment_variables = {
      ASPNETCORE_ENVIRONMENT = "Production"
      KEY_VAULT_NAME         = "kv-contoso-reports"
      DB_PASSWORD            = "Reports-Nightly-2024!"
      EXPORT_TARGET          = "DefaultEndpointsProtocol=https;AccountName=contosoreports;AccountKey=y7A4wNlmFFYMfPcIENfW+d7HynKmXBNvWDt+1vNxP9HKFiSZEIRauStYhX/bB4FejWCwUnk18OfE3gt6xODryg==;EndpointSuffix=core.windows.net"
    }

    secure_environment_variables = {
      SMTP_PASSWORD = "Smtp-Relay-2024!"
    }
  }

  container {
    name   = "sidecar"
    image  = "mcr.microsoft.com/azuredocs/aci-tutorial-sidecar:latest"
    cpu    = 0.5
    memory = 0.5

    environment_variables = {
      "LOG_LEVEL"      = "info"
      "GRAFANA_APIKEY" = "glc_contoso_reports_2f9d1c7e4b"
    }
  }
}
