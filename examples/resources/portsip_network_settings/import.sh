# There is one network settings object per PBX: it is imported with the fixed id "network_settings".
terraform import portsip_network_settings.this network_settings
