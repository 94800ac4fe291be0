# Connection strings in a sample: each password is a placeholder pattern, not a secret.
locals {
  harness     = "Server=tcp:sql-orders.database.windows.net;Database=orders;User ID=app;Password=GET-PREREQ-sqlPassword;"
  instruction = "Server=tcp:sql-orders.database.windows.net;Database=orders;User ID=app;Password=YourSqlPassword;"
  embedded    = "Server=tcp:sql-orders.database.windows.net;Database=orders;User ID=app;Pwd=pasGEN-PASSWORDsword;"
  self_named  = "Server=tcp:sql-orders.database.windows.net;Database=orders;User ID=app;Password=sqlpassword;"
}

output "connection_strings" {
  value     = [local.harness, local.instruction, local.embedded, local.self_named]
  sensitive = true
}
