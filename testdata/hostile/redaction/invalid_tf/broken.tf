locals {
  client_secret = "Fak9Q~FAKEidlintClientSecret0123456789ab"
  broken = = "x"
}
