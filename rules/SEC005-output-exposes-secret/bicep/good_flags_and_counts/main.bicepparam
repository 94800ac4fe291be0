using './main.bicep'

param adminPassword = 'Sup3r-Secret-Value!'
param keys = [
  'k1'
]
