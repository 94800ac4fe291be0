using './main.bicep'

param principalId = '11111111-1111-1111-1111-111111111111'
param roleGuid = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
