# There is one IM server per PBX: it is imported with the fixed id "im_server".
terraform import portsip_im_server.this im_server
