using 'main.bicep'

param siteName = 'app-orders'
param keyVaultName = 'kv-orders'
param sshPublicKey = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0rders deploy@orders'
param tokenLifetime = 'PT2H'
param partnerApiToken = 'orders-partner-token-2024'
param storageAccountKey = 'orders-storage-key-not-real'
