// The caller names the module's site from its `releaseName`: the finding is in the module file
param releaseName string = 'r42'

module checkout './app.bicep' = {
  name: 'checkout'
  params: {
    appName: 'app-checkout-${releaseName}'
  }
}
