// data.portsip_tenant: look up one tenant by `id` or `domain` (docs/design.md "Resource behaviour"). Built from the resource
// schema with every attribute computed (dataSourceBlock); nested blocks become object attributes.
// Webhook secrets are left out (write-only in the resource): a lookup should not spread them through state.

import type { Schema } from '../../provider/schema';
import { dataSourceBlock } from '../../resources/common/schema-helpers';
import { tenantSchema } from '../../resources/tenant/schema';

export const TENANT_LOOKUP_KEYS = ['id', 'domain'] as const;

export const tenantDataSourceSchema: Schema = {
  version: 0,
  block: dataSourceBlock(tenantSchema.block, {
    lookup: TENANT_LOOKUP_KEYS,
    omit: ['cdr_event.credentials_wo_version', 'extension_event.credentials_wo_version'],
    description:
      'Looks up one PortSIP tenant by `id` or by SIP `domain` (exactly one). Every other attribute is read from the PBX. Webhook passwords and tokens are not exposed.',
  }),
};
