# There is one brand per PBX: it is imported with the fixed id "brand".
terraform import portsip_brand.this brand
