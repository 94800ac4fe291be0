# checked-in defaults; the pipeline supplies the real secrets with TF_VAR_...
location       = "westeurope"
key_vault_name = "kv-contoso-app"
token_lifetime = "1h"

admin_password = ""
client_secret  = "<client-secret>"
api_token      = "REPLACE_ME"
# registry_password is not assigned here at all
