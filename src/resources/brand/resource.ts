// portsip_brand: the shared singleton flow (common/singleton-resource.ts) with Op 44: POST /brand.
// PortSIP has no GET /brand [C1], so there is no `get`: state is what we last sent, reads return the
// prior state, changes made in the portal are not detected (the schema says so), and the adopting
// create sends every configured value (it cannot know what differs).

import type { PortsipClient } from '../../client';
import type { ResourceDefinition } from '../../provider/definition';
import type { PortsipContext } from '../common/context';
import { singletonResource } from '../common/singleton-resource';
import { keepPriorSpelling, toCreateBody, toState, toUpdatePatch } from './model';
import { BRAND_ID, brandSchema } from './schema';
import { validate } from './validate';

type Body = Parameters<PortsipClient['brand']['update']>[0];

export const brandResource: ResourceDefinition<PortsipContext> = singletonResource<never>({
  typeName: 'portsip_brand',
  fixedId: BRAND_ID,
  schema: brandSchema,
  validate,
  keepPriorSpelling,
  toState: (_live, prior) => toState(prior),
  createBody: (_live, planned) => toCreateBody(planned),
  updateBody: (prior, planned) => toUpdatePatch(prior, planned),
  post: (client, body) => client.brand.update(body as Body),
});
