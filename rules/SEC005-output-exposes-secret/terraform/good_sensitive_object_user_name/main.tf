# A sensitive object's members named as no secret are not secrets, whether
# the object's value is given (terraform.tfvars) or not.
variable "vm" {
  type = object({
    admin_username = string
    computer_name  = string
    admin_password = string
  })
  sensitive = true
}

output "admin_username" {
  value = nonsensitive(var.vm.admin_username)
}

output "computer_name" {
  value = nonsensitive(var.vm.computer_name)
}
