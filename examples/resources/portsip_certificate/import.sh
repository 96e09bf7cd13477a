# There is one certificate per PBX: it is imported with the fixed id "certificate".
terraform import portsip_certificate.this certificate
