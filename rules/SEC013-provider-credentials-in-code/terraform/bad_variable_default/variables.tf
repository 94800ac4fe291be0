variable "subscription_id" {
  type    = string
  default = "2f1c7a4e-5b8d-4e0f-9a3c-6d2b1e7f8a90"
}

variable "tenant_id" {
  type    = string
  default = "9b3e2d1c-0a4f-4c6e-8b7d-5e1f2a3c4d6b"
}

variable "client_id" {
  type    = string
  default = "c4d2e6f8-1a3b-4c5d-9e7f-0a2b4c6d8e1f"
}

# sensitive hides it from plan output, not from the repository
variable "client_secret" {
  type      = string
  sensitive = true
  default   = "Sandbox-SP-Secret-2024!"
}
