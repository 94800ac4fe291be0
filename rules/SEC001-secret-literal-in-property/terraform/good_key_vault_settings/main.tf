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

variable "key_vault_id" {
  type = string
}

# Configuration kept in Key Vault: the names say these entries are settings,
# and an API version's shape says it is no secret.
resource "azurerm_key_vault_secret" "container" {
  name         = "adls-account-container"
  value        = "data"
  key_vault_id = var.key_vault_id
}

resource "azurerm_key_vault_secret" "search_index" {
  name         = "azure-search-index"
  value        = "transcripts_index"
  key_vault_id = var.key_vault_id
}

resource "azurerm_key_vault_secret" "api_version" {
  name         = "openai-api-version-pinned"
  value        = "2024-05-01-preview"
  key_vault_id = var.key_vault_id
}
