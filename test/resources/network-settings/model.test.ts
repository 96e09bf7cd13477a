// API <-> state mapping of the network settings: exact key sets, write-only never in state, prior spelling kept,
// minimal patches, singleton adopt/reset and documented defaults.
// The IM and Data Flow servers share the network settings' four-address model and are tested here
// with it (the IM server's and Data Flow server's validation is in their own folders).

import { UNKNOWN, type ObjectValue } from '../../../src/provider/values';
import * as network from '../../../src/resources/network-settings/model';
import { networkSettingsSchema } from '../../../src/resources/network-settings/schema';
import * as im from '../../../src/resources/im-server/model';
import { imServerSchema } from '../../../src/resources/im-server/schema';
import * as dataFlow from '../../../src/resources/data-flow-server/model';
import { dataFlowServerSchema } from '../../../src/resources/data-flow-server/schema';
import { configOf } from '../helpers';
import { expectExactKeys } from '../model-checks';

describe('network settings, IM and Data Flow', () => {
  const netApi = {
    web_domain: 'PBX.example.com',
    private_ipv4: '10.0.0.5',
    public_ipv4: '',
    enable_ipv6: true,
    private_ipv6: 'fd00::5',
    public_ipv6: '2001:db8::5',
    primary_dns_server: '1.1.1.1',
    secondary_dns_server: null,
  };

  test('every key; addresses and domain compared semantically, prior spelling kept', () => {
    const s = network.toState(netApi, null);
    expectExactKeys(networkSettingsSchema.block, s);
    expect(s.public_ipv4).toBeNull();
    const prior = { ...s, web_domain: 'pbx.example.com', public_ipv6: '2001:DB8:0:0::5' };
    const again = network.toState(netApi, prior);
    expect(again.web_domain).toBe('pbx.example.com');
    expect(again.public_ipv6).toBe('2001:DB8:0:0::5');
    expect(network.toUpdatePatch(prior, { ...prior, public_ipv6: '2001:db8::5' })).toBeNull();
    expect(network.toUpdatePatch(prior, { ...prior, public_ipv6: '2001:db8::6', enable_ipv6: false })).toEqual({
      public_ipv6: '2001:db8::6',
      enable_ipv6: false,
    });
  });

  test('defaults and reset', () => {
    expect(network.networkSettingsDefaults).toEqual({ enable_ipv6: true });
    expect(network.toResetPatch(netApi)).toBeNull();
    expect(network.toResetPatch({ ...netApi, enable_ipv6: false })).toEqual({ enable_ipv6: true });
    expect(im.imServerDefaults).toEqual({});
    expect(dataFlow.dataFlowServerDefaults).toEqual({});
    expect(im.toResetPatch({ private_ipv4: '10.0.0.1' })).toBeNull();
    expect(dataFlow.toResetPatch()).toBeNull();
  });

  test('IM and Data Flow: four addresses, adopt patch minimal', () => {
    const api = { private_ipv4: '10.0.0.7', private_ipv6: null, public_ipv4: '198.51.100.7', public_ipv6: '' };
    for (const [m, schema, id] of [
      [im, imServerSchema, 'im_server'],
      [dataFlow, dataFlowServerSchema, 'data_flow_server'],
    ] as const) {
      const s = m.toState(api, null);
      expectExactKeys(schema.block, s);
      expect(s).toMatchObject({ id, private_ipv4: '10.0.0.7', private_ipv6: null, public_ipv6: null });
      const planned: ObjectValue = {
        ...configOf(schema, { id, public_ipv4: '198.51.100.8', private_ipv4: '10.0.0.7' }),
        private_ipv6: UNKNOWN,
        public_ipv6: UNKNOWN,
      };
      expect(m.toCreatePatch(api, planned)).toEqual({ public_ipv4: '198.51.100.8' });
      expect(m.toUpdatePatch(s, { ...s })).toBeNull();
    }
  });
});
