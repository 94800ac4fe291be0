module "registry" {
  source        = "../z-shared/registry"
  name          = "acrteamb"
  admin_enabled = true
}

module "db" {
  source   = "./modules/db"
  password = "Winter-2024-Reporting!"
}
