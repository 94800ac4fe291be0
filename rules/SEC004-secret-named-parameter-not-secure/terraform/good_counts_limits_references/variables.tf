# Named after tokens or keys, holding counts, limits, name suffixes, non-secrets and key references.
variable "AZURE_OPENAI_MAX_TOKENS" {
  type    = string
  default = "1000"
}

variable "solution_unique_token" {
  type    = string
  default = "x7k2p"
}

variable "non_secret_parameter_values" {
  type    = map(string)
  default = {}
}

variable "key" {
  description = "The Key Vault key to wrap the database with: its id and name."
  type = object({
    id   = string
    name = string
  })
}
