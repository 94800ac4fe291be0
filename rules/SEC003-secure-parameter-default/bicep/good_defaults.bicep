param location string = resourceGroup().location

// newGuid() makes a fresh value on each deployment: not a secret written down
@secure()
param generatedPassword string = newGuid()

// an empty default means "not set"
@secure()
param optionalToken string = ''

@secure()
param sqlAdminPassword string

// a plain parameter's default is SEC001/SEC004's business, not this rule's
param environmentName string = 'prod'

@secure()
param emptySettings object = {}

resource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {
  name: 'sql-${environmentName}'
  location: location
  properties: {
    administratorLogin: 'sqladmin'
    administratorLoginPassword: sqlAdminPassword
  }
}
