variable "active_color" {
  type    = string
  default = "green"
}

module "app" {
  source = "./modules/app"
  color  = var.active_color
}
