module "app" {
  for_each = toset(["blue", "green"])
  source   = "./modules/app"
  color    = each.key
}
