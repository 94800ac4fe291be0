variable "vm" {
  type = object({
    admin_username = string
    admin_password = string
  })
  sensitive = true
}

# the password member of the sensitive object terraform.tfvars gives
output "admin_password" {
  value = nonsensitive(var.vm.admin_password)
}
