// portsip_data_flow_server: the kit's singleton mode (kit/singleton.ts) with the API calls of
// Op 52: GET/POST /dataflow (path inferred; the client's `dataflowPath` option moves it).

import { defineSingleton } from '../kit/singleton';
import { keepPriorSpelling, toCreatePatch, toResetPatch, toState, toUpdatePatch } from './model';
import { DATA_FLOW_SERVER_ID, dataFlowServerDefaults, dataFlowServerSchema } from './schema';
import { validate } from './validate';

export const dataFlowServerResource = defineSingleton({
  typeName: 'portsip_data_flow_server',
  label: 'Data Flow server',
  fixedId: DATA_FLOW_SERVER_ID,
  defaults: dataFlowServerDefaults,
  schema: dataFlowServerSchema,
  validate,
  keepPriorSpelling,
  get: (client) => client.dataflow.get(),
  toState: (live, prior, opts) => toState(live ?? {}, prior, opts),
  createBody: (live, planned) => toCreatePatch(live ?? {}, planned),
  updateBody: (prior, planned) => toUpdatePatch(prior, planned),
  resetBody: (live) => toResetPatch(live),
  post: (client, body) => client.dataflow.update(body),
  notFoundHint:
    'PortSIP does not document the path of the Data Flow API, so the provider\'s default is inferred: if this PBX serves it elsewhere, set "data_flow_path" in the provider block (or PORTSIP_DATA_FLOW_PATH).',
});
