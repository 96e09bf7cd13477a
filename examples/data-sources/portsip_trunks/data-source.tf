# Find a trunk's id by its name, e.g. for the trunk_id of a portsip_trunk_assignment.
data "portsip_trunks" "twilio" {
  filter = "name eq 'twilio-elastic'"
}

output "twilio_trunk_id" {
  value = one(data.portsip_trunks.twilio.trunks).id
}
