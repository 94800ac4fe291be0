@secure()
param vmSpec object

// the password member of the secure object whose value main.bicepparam gives
output adminPassword string = vmSpec.adminPassword
// the whole object
output spec object = vmSpec
