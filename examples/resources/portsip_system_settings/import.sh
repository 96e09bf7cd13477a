# There is one system settings object per PBX: it is imported with the fixed id "system_settings".
terraform import portsip_system_settings.this system_settings
