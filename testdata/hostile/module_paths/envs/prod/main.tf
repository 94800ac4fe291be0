module "acr" {
  source = "../../modules/acr"
}
