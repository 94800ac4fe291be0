locals {
  deploy_key = <<-EOT
    -----BEGIN OPENSSH PRIVATE KEY-----
    bGluZSAyOiBmYWtlIHByaXZhdGUga2V5IG1hdGVyaWFsIGZvciBpZGxpbnQgdGVz
    bGluZSAzOiBmYWtlIHByaXZhdGUga2V5IG1hdGVyaWFsIGZvciBpZGxpbnQgdGVz
    -----END OPENSSH PRIVATE KEY-----
  EOT
}

output "deploy_key" {
  value = local.deploy_key
}
