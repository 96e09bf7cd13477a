# An assignment is imported by <trunk_id>/<tenant_id>.
terraform import portsip_trunk_assignment.acme NzAwNTUxOTA5NzczMTQ4MTYw/NzAwNTUxOTA5NzczMTQ4MTYx
