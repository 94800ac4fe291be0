variable "admin_password" {
  description = "Local administrator password."
  type        = string
}

variable "client_secret" {
  type      = string
  sensitive = false
}

variable "storage_account_key" {
  type = string
}

variable "sas_token" {
  type = string
}

variable "db_connection_string" {
  type = string
}

variable "partner_api_key" {
  type = string
}

variable "smtp_password" {
  type    = string
  default = ""
}

variable "sql_credentials_secret" {
  type = object({
    login    = string
    password = string
  })
}

variable "redis_access_keys" {
  type = list(string)
}

variable "Event-Hub-SharedAccessKey" {
  type = string
}
