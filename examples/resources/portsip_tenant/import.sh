# A tenant is imported by its id ...
terraform import portsip_tenant.acme NzAwNTUxOTA5NzczMTQ4MTYx

# ... or by its SIP domain.
terraform import portsip_tenant.acme acme-dental.voice.example.com
