// portsip_data_flow_server: the shared singleton flow (common/singleton-resource.ts) with the API calls of
// Op 52: GET/POST /dataflow (path inferred; the client's `dataflowPath` option moves it).

import type { PortsipClient } from '../../client';
import type { ResourceDefinition } from '../../provider/definition';
import type { PortsipContext } from '../common/context';
import { singletonResource } from '../common/singleton-resource';
import { keepPriorSpelling, toCreatePatch, toResetPatch, toState, toUpdatePatch } from './model';
import { DATA_FLOW_SERVER_ID, dataFlowServerSchema } from './schema';
import { validate } from './validate';

type Body = Parameters<PortsipClient['dataflow']['update']>[0];

export const dataFlowServerResource: ResourceDefinition<PortsipContext> = singletonResource({
  typeName: 'portsip_data_flow_server',
  fixedId: DATA_FLOW_SERVER_ID,
  schema: dataFlowServerSchema,
  validate,
  keepPriorSpelling,
  get: (client) => client.dataflow.get(),
  toState: (live, prior, opts) => toState(live ?? {}, prior, opts),
  createBody: (live, planned) => toCreatePatch(live ?? {}, planned),
  updateBody: (prior, planned) => toUpdatePatch(prior, planned),
  resetBody: (live) => toResetPatch(live),
  post: (client, body) => client.dataflow.update(body as Body),
  notFoundHint:
    'PortSIP does not document the path of the Data Flow API, so the provider\'s default is inferred: if this PBX serves it elsewhere, set "data_flow_path" in the provider block (or PORTSIP_DATA_FLOW_PATH).',
});
