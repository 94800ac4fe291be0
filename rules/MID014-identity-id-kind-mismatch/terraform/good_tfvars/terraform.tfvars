worker_client_id = "7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09"
