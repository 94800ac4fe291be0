servicebus_connection = "Endpoint=sb://sb-orders.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=esricsTqrFvhWLlBQUtc9ZgMgOQ9WBKfd6UyM/fNFYQ="
sql_connection        = "Server=tcp:sql-orders-prod.database.windows.net,1433;Database=orders;User ID=orders_app;Password=Orders-App-2024;Encrypt=True;"
