provider "azurerm" {
  features {}
}

module "vault" {
  source       = "./modules/vault"
  name         = "kv-reports"
  rbac_enabled = false
  reader_id    = "5f0e2d8a-90a4-4c8e-9b2b-1d4f3f0a6c21"
}
