using './main.bicep'

// identifiers, placeholders and empty values: nothing secret is written here
param administratorLogin = 'sqladmin'
param administratorLoginPassword = '<password>'
param clientSecret = ''
