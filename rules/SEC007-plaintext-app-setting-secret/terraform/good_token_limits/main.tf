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

# App settings named after tokens that hold limits, not secrets.
resource "azurerm_linux_web_app" "copilot" {
  name                = "app-copilot"
  resource_group_name = "rg-copilot"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-copilot/providers/Microsoft.Web/serverFarms/plan"

  identity {
    type = "SystemAssigned"
  }

  site_config {}

  app_settings = {
    AZURE_OPENAI_MAX_TOKENS  = "1000"
    AZURE_OPENAI_TOKEN_LIMIT = "8192"
    AZURE_OPENAI_MODEL       = "gpt-4o"
  }
}
