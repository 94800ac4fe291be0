# Sensitive variables whose defaults are no secret: "not applicable", an empty
# map, an object ID, a placeholder.
variable "cluster_secret" {
  type      = string
  sensitive = true
  default   = "NA"
}

variable "extra_settings" {
  type      = map(string)
  sensitive = true
  default   = {}
}

variable "operator_object_id" {
  type      = string
  sensitive = true
  default   = "44b29aa9-ccd0-4314-aaa0-fd4df282b906"
}

variable "admin_password" {
  type      = string
  sensitive = true
  default   = "<set-in-pipeline>"
}
