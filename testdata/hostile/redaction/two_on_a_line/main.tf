locals {
  settings = "Password=Fake-Pw-For-Idlint-Tests-1;AccountKey=FAKEkeyForIdlintTestsOnly0123456789FAKEkeyForIdlintTestsOnly0123456789FAKEkeyForIdlint==;Pwd=Fake-Second-Pw-Idlint-2"
}

output "settings" {
  value = local.settings
}
