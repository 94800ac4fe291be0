using './main.bicep'

param sqlAdminPassword = 'Dev-Sql-2024!'
