# There is one admin profile (the provider's own account) per PBX: it is imported with the fixed id "admin_profile".
terraform import portsip_admin_profile.this admin_profile
