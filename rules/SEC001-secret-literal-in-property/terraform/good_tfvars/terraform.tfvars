db_admin_password = "Dev-Only-Pg-2024!"
