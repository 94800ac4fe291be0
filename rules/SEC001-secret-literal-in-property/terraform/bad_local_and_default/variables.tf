variable "nic_id" {
  type = string
}

# not sensitive, literal default: deployed whenever nothing overrides it
variable "db_admin_password" {
  type    = string
  default = "Pg-Orders-2024!"
}
