// data.portsip_dealer: look up one dealer by `id` or `name` (docs/design.md "Resource behaviour"), built from the resource
// schema (dataSourceBlock). The password attributes are left out (the API never returns them).

import type { Schema } from '../../provider/schema';
import { dataSourceBlock } from '../../resources/common/schema-helpers';
import { dealerSchema } from '../../resources/dealer/schema';

export const DEALER_LOOKUP_KEYS = ['id', 'name'] as const;

export const dealerDataSourceSchema: Schema = {
  version: 0,
  block: dataSourceBlock(dealerSchema.block, {
    lookup: DEALER_LOOKUP_KEYS,
    omit: ['password', 'password_wo', 'password_wo_version'],
    description: 'Looks up one PortSIP dealer by `id` or by login `name` (exactly one). Every other attribute is read from the PBX.',
  }),
};
