# The caller passes each store's settings from a map it does not know
# (`each.value` over a variable without a default), so whether local auth
# is switched off is unknown: `try()` falls back only when the member is
# missing from a known object, so this is no finding.
variable "stores" {}

module "app_config" {
  source              = "./modules/app_config"
  for_each            = var.stores
  settings            = each.value
  resource_group_name = "rg-platform"
}
