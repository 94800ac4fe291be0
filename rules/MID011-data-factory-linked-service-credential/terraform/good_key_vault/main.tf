resource "azurerm_data_factory_linked_service_key_vault" "kv" {
  name            = "KeyVault"
  data_factory_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.DataFactory/factories/adf-contoso"
  key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso/providers/Microsoft.KeyVault/vaults/kv-contoso"
}

resource "azurerm_data_factory_linked_service_azure_sql_database" "sql" {
  name            = "Sql"
  data_factory_id = azurerm_data_factory_linked_service_key_vault.kv.data_factory_id

  key_vault_connection_string {
    linked_service_name = azurerm_data_factory_linked_service_key_vault.kv.name
    secret_name         = "sql-connection"
  }
}

resource "azurerm_data_factory_linked_service_azure_blob_storage" "landing" {
  name            = "Landing"
  data_factory_id = azurerm_data_factory_linked_service_key_vault.kv.data_factory_id
  sas_uri         = "https://stcontosolanding.blob.core.windows.net/"

  key_vault_sas_token {
    linked_service_name = azurerm_data_factory_linked_service_key_vault.kv.name
    secret_name         = "landing-sas"
  }
}

resource "azurerm_data_factory_linked_service_azure_file_storage" "files" {
  name              = "Files"
  data_factory_id   = azurerm_data_factory_linked_service_key_vault.kv.data_factory_id
  connection_string = "DefaultEndpointsProtocol=https;AccountName=stcontosofiles;EndpointSuffix=core.windows.net"
  file_share        = "drop"

  key_vault_password {
    linked_service_name = azurerm_data_factory_linked_service_key_vault.kv.name
    secret_name         = "files-key"
  }
}

resource "azurerm_data_factory_linked_custom_service" "sftp" {
  name            = "Partner"
  data_factory_id = azurerm_data_factory_linked_service_key_vault.kv.data_factory_id
  type            = "Sftp"
  type_properties_json = jsonencode({
    host               = "sftp.partner.example"
    authenticationType = "Basic"
    userName           = "contoso"
    password = {
      type      = "AzureKeyVaultSecret"
      store     = { referenceName = "KeyVault", type = "LinkedServiceReference" }
      secretName = "partner-sftp-password"
    }
  })
}
