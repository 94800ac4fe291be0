storage_key = "set-by-the-pipeline-in-dev"
