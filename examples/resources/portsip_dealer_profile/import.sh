# There is one dealer profile (the provider's own dealer account) per PBX: it is imported with the fixed id "dealer_profile".
terraform import portsip_dealer_profile.this dealer_profile
