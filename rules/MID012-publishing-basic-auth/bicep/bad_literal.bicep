param location string = resourceGroup().location
param planId string
param allowScm bool = true

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: location
  properties: {
    serverFarmId: planId
  }
}

// `parent:`: ftp allowed (scm off)
resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: true
  }
}

resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// nested children: scm allowed via the parameter default
resource api 'Microsoft.Web/sites@2023-12-01' = {
  name: 'api-orders'
  location: location
  properties: {
    serverFarmId: planId
    siteConfig: {
      ftpsState: 'Disabled'
    }
  }

  resource ftpPolicy 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPolicy 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: allowScm
    }
  }
}
