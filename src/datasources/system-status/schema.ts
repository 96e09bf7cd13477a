// data.portsip_system_status: the system dashboard (GET /admin/status, docs/portsip-api.md §5.1 [C1]). Every
// attribute is computed; these values change constantly, which is fine for a data source.

import type { AttrType, Schema } from '../../provider/schema';
import { computed } from '../../resources/common/schema-helpers';

export const SYSTEM_STATUS_ID = 'system_status';

export const CALLS_POINT_TYPE: AttrType = { object: { time: 'string', count: 'number' } };

const n = (d: string) => computed('number', d);

export const systemStatusDataSourceSchema: Schema = {
  version: 0,
  block: {
    description: 'The PBX system status (`/api/admin/status`): version, license and current counts.',
    attributes: {
      id: computed('string', 'Always `system_status`.'),
      version: computed('string', 'The PortSIP PBX version, e.g. `22.3.5`.'),
      news: computed('string', 'News text from PortSIP.'),
      license_key: computed('string', 'The license key.', { sensitive: true }),
      license_type: computed('string', 'The license type (free text).'),
      maintenance_expires_at: computed('string', 'When maintenance expires, RFC 3339 in UTC.'),
      max_concurrent_calls: n('Licensed concurrent calls.'),
      licensed_users: n('Licensed users.'),
      current_users: n('Current number of users.'),
      online_users: n('Users online now.'),
      current_tenants: n('Current number of tenants.'),
      current_dealers: n('Current number of dealers.'),
      current_calls: n('Calls in progress.'),
      current_trunks: n('Current number of trunks.'),
      current_conference_servers: n('Current number of conference servers.'),
      current_media_servers: n('Current number of media servers.'),
      current_call_queue_servers: n('Current number of call queue servers.'),
      current_ivr_servers: n('Current number of IVR servers.'),
      calls_in_24_hours: computed(
        { list: CALLS_POINT_TYPE },
        'Calls over the last 24 hours: `time` (RFC 3339) and `count` (calls started at that time).',
      ),
    },
  },
};
