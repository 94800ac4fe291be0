variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "administrator_password" {
  description = "Not marked sensitive in the module."
  type        = string
}
