variable "nic_id" {
  type = string
}

variable "admin_password" {
  description = "Local administrator password."
  type        = string
}

variable "sql" {
  type = object({
    login    = string
    password = string
  })
}

variable "sp_client_id" {
  type = string
}

variable "sp_client_secret" {
  type      = string
  sensitive = false
}
