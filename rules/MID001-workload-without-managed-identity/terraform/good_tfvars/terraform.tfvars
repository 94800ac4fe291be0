storage_connection = "https://storders.blob.core.windows.net"
