# There is one notification settings object per PBX: it is imported with the fixed id "notification_settings".
terraform import portsip_notification_settings.this notification_settings
