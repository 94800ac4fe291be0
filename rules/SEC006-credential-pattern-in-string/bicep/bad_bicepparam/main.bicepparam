using './main.bicep'

param serviceBusConnection = 'Endpoint=sb://sb-orders.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=u9qEkcNjVbXU5li46IrH6box748wEvF+VfZzsXi9690='
