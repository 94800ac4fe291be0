registry_password = "s3cr3t-Registry-Pw"
