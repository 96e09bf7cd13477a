# A trunk is imported by its id ...
terraform import portsip_trunk.carrier NzAwNTUxOTA5NzczMTQ4MjAz

# ... or by its name.
terraform import portsip_trunk.carrier carrier-main
