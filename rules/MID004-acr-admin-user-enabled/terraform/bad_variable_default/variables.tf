variable "prefix" {
  type    = string
  default = "contoso"
}

variable "location" {
  type    = string
  default = "westeurope"
}

variable "admin_enabled" {
  description = "Enable the registry admin user."
  type        = bool
  default     = true
}
