module "registry" {
  source        = "../z-shared/registry"
  name          = "acrteama"
  admin_enabled = false
}
