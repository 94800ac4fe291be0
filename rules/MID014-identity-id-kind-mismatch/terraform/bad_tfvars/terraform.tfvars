worker_client_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-worker"
