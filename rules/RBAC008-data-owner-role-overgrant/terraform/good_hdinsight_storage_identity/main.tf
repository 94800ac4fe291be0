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
  name     = "rg-analytics"
  location = "westeurope"
}

# HDInsight manages ACLs on its Data Lake Storage Gen2 file system: the
# service requires Storage Blob Data Owner for the identity it is given.
resource "azurerm_user_assigned_identity" "hdinsight" {
  name                = "id-hdinsight"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
}

resource "azurerm_storage_account" "lake" {
  name                     = "stlake"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = azurerm_resource_group.rg.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
  is_hns_enabled           = true
}

resource "azurerm_storage_data_lake_gen2_filesystem" "cluster" {
  name               = "cluster"
  storage_account_id = azurerm_storage_account.lake.id
}

resource "azurerm_role_assignment" "hdinsight_lake" {
  scope                = azurerm_storage_account.lake.id
  role_definition_name = "Storage Blob Data Owner"
  principal_id         = azurerm_user_assigned_identity.hdinsight.principal_id
}

resource "azurerm_hdinsight_hadoop_cluster" "analytics" {
  name                = "hdi-analytics"
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  cluster_version     = "5.1"
  tier                = "Standard"

  component_version {
    hadoop = "3.3"
  }

  gateway {
    username = "acctestusrgw"
    password = var.gateway_password
  }

  storage_account_gen2 {
    storage_resource_id          = azurerm_storage_account.lake.id
    filesystem_id                = azurerm_storage_data_lake_gen2_filesystem.cluster.id
    managed_identity_resource_id = azurerm_user_assigned_identity.hdinsight.id
    is_default                   = true
  }

  roles {
    head_node {
      vm_size  = "Standard_D3_V2"
      username = "acctestusrvm"
      ssh_keys = [var.ssh_public_key]
    }
    worker_node {
      vm_size               = "Standard_D4_V2"
      username              = "acctestusrvm"
      ssh_keys              = [var.ssh_public_key]
      target_instance_count = 3
    }
    zookeeper_node {
      vm_size  = "Standard_D3_V2"
      username = "acctestusrvm"
      ssh_keys = [var.ssh_public_key]
    }
  }
}

variable "gateway_password" {
  type      = string
  sensitive = true
}

variable "ssh_public_key" {
  type = string
}
