sql_password      = "xxxxxxxx"
sample_connection = "Endpoint=sb://sb-orders-dev.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=REPLACE_ME"
