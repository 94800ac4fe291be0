// A flag or a count computed from a secret carries none of it.
@secure()
param adminPassword string

param keys array = []

output hasPassword bool = !empty(adminPassword)
output passwordLength int = length(adminPassword)
output keyCount int = length(keys)
