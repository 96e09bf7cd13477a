# There is one Data Flow server per PBX: it is imported with the fixed id "data_flow_server".
terraform import portsip_data_flow_server.this data_flow_server
