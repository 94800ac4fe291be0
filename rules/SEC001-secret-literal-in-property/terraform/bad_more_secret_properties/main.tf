terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.0"
    }
  }
}

provider "azurerm" {
  features {}
}

# App Service authentication v1: the identity providers' client secrets.
resource "azurerm_linux_web_app" "portal" {
  name                = "app-portal"
  resource_group_name = "rg-web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"

  site_config {}

  auth_settings {
    enabled = true

    active_directory {
      client_id     = "00000000-0000-0000-0000-000000000001"
      client_secret = "aad-Cl1ent-s3cret"
    }

    microsoft {
      client_id     = "microsoft-client"
      client_secret = "msa-Cl1ent-s3cret"
    }
  }
}

# A PFX imported into Key Vault with its password.
resource "azurerm_key_vault_certificate" "tls" {
  name         = "portal-tls"
  key_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-sec"

  certificate {
    contents = filebase64("portal.pfx")
    password = "pfx-Passw0rd"
  }
}

# HDInsight: the cluster login (gateway) and the nodes' SSH password.
resource "azurerm_hdinsight_hadoop_cluster" "analytics" {
  name                = "hdi-analytics"
  resource_group_name = "rg-data"
  location            = "westeurope"
  cluster_version     = "4.0"
  tier                = "Standard"

  component_version {
    hadoop = "3.1"
  }

  gateway {
    username = "acctestusrgw"
    password = "TerrAform123!"
  }

  storage_account {
    storage_container_id = "https://sthdi.blob.core.windows.net/data"
    storage_account_key  = var.storage_account_key
    is_default           = true
  }

  roles {
    head_node {
      vm_size  = "Standard_D3_V2"
      username = "acctestusrvm"
      password = "AccTestvdSC4daf986!"
    }

    worker_node {
      vm_size               = "Standard_D4_V2"
      username              = "acctestusrvm"
      password              = "AccTestvdSC4daf986!"
      target_instance_count = 3
    }

    zookeeper_node {
      vm_size  = "Standard_D3_V2"
      username = "acctestusrvm"
      password = "AccTestvdSC4daf986!"
    }
  }
}

variable "storage_account_key" {
  type      = string
  sensitive = true
}

# An Entra ID user's initial password.
resource "azuread_user" "operator" {
  user_principal_name = "operator@contoso.onmicrosoft.com"
  display_name        = "Operator"
  password            = "TerrAform321!"
}

# Azure Cosmos DB for PostgreSQL.
resource "azurerm_cosmosdb_postgresql_cluster" "orders" {
  name                            = "cpg-orders"
  resource_group_name             = "rg-data"
  location                        = "westeurope"
  administrator_login_password    = "H@Sh1CoR3!"
  coordinator_storage_quota_in_mb = 131072
  coordinator_vcore_count         = 2
  node_count                      = 0
}
