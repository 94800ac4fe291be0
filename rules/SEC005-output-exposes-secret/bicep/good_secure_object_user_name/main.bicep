// A secure object's members named as no secret are not secrets, whether the
// object's value is given (main.bicepparam), a default or unknown.
@secure()
param vmSpec object

@secure()
param computeSettings object = {
  orguser: 'ops'
  adminPassword: 'unused-here'
}

output adminUser string = vmSpec.adminUsername
output computerName string = vmSpec.computerName
output orgUser string = computeSettings.orguser
