variable "db_admin_password" {
  type      = string
  sensitive = true
}
