module "factory" {
  source = "./modules/factory"
  name   = "adf-orders"
}
