// portsip_im_server: the shared singleton flow (common/singleton-resource.ts) with the API calls of
// Op 17: GET/POST /im.

import type { PortsipClient } from '../../client';
import type { ResourceDefinition } from '../../provider/definition';
import type { PortsipContext } from '../common/context';
import { singletonResource } from '../common/singleton-resource';
import { keepPriorSpelling, toCreatePatch, toResetPatch, toState, toUpdatePatch } from './model';
import { IM_SERVER_ID, imServerSchema } from './schema';
import { validate } from './validate';

type Body = Parameters<PortsipClient['im']['update']>[0];

export const imServerResource: ResourceDefinition<PortsipContext> = singletonResource({
  typeName: 'portsip_im_server',
  fixedId: IM_SERVER_ID,
  schema: imServerSchema,
  validate,
  keepPriorSpelling,
  get: (client) => client.im.get(),
  toState: (live, prior, opts) => toState(live ?? {}, prior, opts),
  createBody: (live, planned) => toCreatePatch(live ?? {}, planned),
  updateBody: (prior, planned) => toUpdatePatch(prior, planned),
  resetBody: (live) => toResetPatch(live),
  post: (client, body) => client.im.update(body as Body),
});
