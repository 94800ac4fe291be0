variable "administrator_login" {
  type    = string
  default = "sqladmin"
}

variable "administrator_login_password" {
  description = "Password of the SQL administrator."
  type        = string
  sensitive   = true
  default     = "P@ssw0rd1234!"
}
