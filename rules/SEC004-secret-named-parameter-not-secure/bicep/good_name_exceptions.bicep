// Names that look secret but hold names, IDs, sizes, policies and public keys.
param keyVaultName string
param keyVaultResourceId string
param secretName string
param secretNames array
param sshPublicKey string
param sshPublicKeys array
param adminPasswordLength int = 24
param passwordPolicy string = 'Complex'
param tokenLifetime string = 'PT1H'
param secretExpiry int = 90
param apiKeyEnabled bool = false
param storageAccountKeyType string = 'Service'
param encryptionKeyUri string
param encryptionKeyVersion string
param cmkKeyId string
param signingKeySize int = 2048
param secretCount int = 3
param secretsPath string = '/mnt/secrets'
param adminUsername string
@secure()
param adminPassword string
@secure()
param clientSecret string
@secure()
param storageAccountKey string
@secure()
param connectionStrings object

// user-defined types: the secret member is @secure() inside the type
type secretType = {
  name: string
  @secure()
  value: string
}

@secure()
type secureText = string

param secrets secretType[]?
param adminSecret secureText
