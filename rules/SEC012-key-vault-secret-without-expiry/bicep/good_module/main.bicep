// the module takes the expiry from its input, which the caller decides
@secure()
param dbPassword string
param baseTime string = utcNow('u')

module secret './secret.bicep' = {
  name: 'db-secret'
  params: {
    secretName: 'db-password'
    secretValue: dbPassword
    expiresOn: dateTimeToEpoch(dateTimeAdd(baseTime, 'P90D'))
  }
}
