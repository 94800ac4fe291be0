location          = "westeurope"
sku_name          = "GP_Standard_D2s_v3"
db_admin_password = "Catalog-Prod-2024!"

notification_webhook = "https://contoso.webhook.office.com/webhookb2/7f1c2a90-3e4b-4d5c-8a6f-1b2c3d4e5f60/IncomingWebhook/9a8b7c6d5e4f/0f1e2d3c"
