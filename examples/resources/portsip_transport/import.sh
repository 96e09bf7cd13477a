# A transport is imported by its id ...
terraform import portsip_transport.tls NzAwNTUxOTA5NzczMTQ4MTYz

# ... or by PROTOCOL:port.
terraform import portsip_transport.tls TLS:5061
