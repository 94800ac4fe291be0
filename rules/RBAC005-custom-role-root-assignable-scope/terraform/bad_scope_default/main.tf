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

# no assignable_scopes: the role is assignable where it is created
resource "azurerm_role_definition" "auditor" {
  name  = "Auditor"
  scope = "/providers/Microsoft.Management/managementGroups/contoso"

  permissions {
    actions = ["*/read"]
  }
}
