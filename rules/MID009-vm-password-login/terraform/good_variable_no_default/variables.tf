
variable "subnet_id" {
  type = string
}

variable "admin_password" {
  type      = string
  sensitive = true
}

variable "disable_password_authentication" {
  type = bool
}
