# Commentaire : réseau
variable "x" {
  default = "été"
}
