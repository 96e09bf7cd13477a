# There is one SBC settings object per PBX: it is imported with the fixed id "sbc_settings".
terraform import portsip_sbc_settings.this sbc_settings
