variable "upstream_auth" {
  description = "Bearer credential for the upstream partner API."
  type        = string
  sensitive   = true
}

variable "queue_name" {
  type    = string
  default = "orders-inbound"
}
