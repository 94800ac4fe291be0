sql_admin_password = "Dev-Only-Sql-2024!"
