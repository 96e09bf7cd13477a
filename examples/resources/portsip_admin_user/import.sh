# An administrator is imported by its id ...
terraform import portsip_admin_user.ops NzAwNTUxOTA5NzczMTQ4MTY1

# ... or by its login name.
terraform import portsip_admin_user.ops ops-admin
