@secure()
param dbPassword string

module secret './secret.bicep' = {
  name: 'db-secret'
  params: {
    secretName: 'db-password'
    secretValue: dbPassword
  }
}
