using './main.bicep'

param planId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-reports/providers/Microsoft.Web/serverFarms/plan'
param storageConnection = 'DefaultEndpointsProtocol=https;AccountName=streportsfunc;AccountKey=REPLACE_WITH_KEY;EndpointSuffix=core.windows.net'
