variable "location" {
  type = string
}

variable "sku_name" {
  type    = string
  default = "B_Standard_B1ms"
}

variable "db_admin_password" {
  type      = string
  sensitive = true
}

# not secret-named, but declared sensitive: the URL embeds its signature
variable "notification_webhook" {
  type      = string
  sensitive = true
}
