variable "db_password" {
  default = "Fake-Pw-For-Idlint-Tests-1"
  type    = string
}
