# A dealer is imported by its id ...
terraform import portsip_dealer.reseller NzAwNTUxOTA5NzczMTQ4MTYy

# ... or by its login name.
terraform import portsip_dealer.reseller acme-telecom
