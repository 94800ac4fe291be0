variable "not_actions" {
  type = list(string)
}

data "azurerm_subscription" "primary" {}

resource "azurerm_role_definition" "operator" {
  name  = "Operator"
  scope = data.azurerm_subscription.primary.id

  permissions {
    actions     = ["*"]
    not_actions = var.not_actions
  }
}
