# An IP rule is imported by its id ...
terraform import portsip_ip_rule.office NzAwNTUxOTA5NzczMTQ4MTY0

# ... or by its network in CIDR notation.
terraform import portsip_ip_rule.office 203.0.113.0/24
