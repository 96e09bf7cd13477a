// API <-> state mapping of the SBC settings: exact key sets, write-only never in state, prior spelling kept,
// minimal patches, singleton adopt/reset and documented defaults.

import { UNKNOWN, type ObjectValue } from '../../../src/provider/values';
import * as sbc from '../../../src/resources/sbc-settings/model';
import { sbcSettingsSchema } from '../../../src/resources/sbc-settings/schema';
import { configOf } from '../helpers';
import { expectExactKeys } from '../model-checks';

describe('SBC settings', () => {
  const api = {
    domain: 'sbc.example.com',
    http_port: 8882,
    https_port: 8883,
    transports: [
      { protocol: 'UDP', port: 5060 },
      { protocol: 'TLS', port: 5061 },
    ],
  };

  test('transports: filled on import, unmanaged ([]) when prior had none, managed when prior had some', () => {
    const imported = sbc.toState(api, null);
    expectExactKeys(sbcSettingsSchema.block, imported);
    expect(imported.transports).toEqual(api.transports);
    const unmanaged = { ...imported, transports: [] };
    expect(sbc.toState(api, unmanaged).transports).toEqual([]);
    const managed = { ...imported, transports: [{ protocol: 'udp', port: 5060 }] };
    expect(sbc.toState(api, managed).transports).toEqual([
      { protocol: 'udp', port: 5060 },
      { protocol: 'TLS', port: 5061 },
    ]);
  });

  test('patches: an empty list is never sent; a changed list is sent whole', () => {
    const prior = sbc.toState(api, null);
    expect(sbc.toUpdatePatch(prior, { ...prior, transports: [] })).toBeNull();
    expect(sbc.toUpdatePatch(prior, { ...prior, transports: [{ protocol: 'UDP', port: 5060 }] })).toEqual({
      transports: [{ protocol: 'UDP', port: 5060 }],
    });
    expect(
      sbc.toUpdatePatch(prior, {
        ...prior,
        transports: [
          { protocol: 'udp', port: 5060 },
          { protocol: 'TLS', port: 5061 },
        ],
      }),
    ).toBeNull();
    expect(sbc.toUpdatePatch(prior, { ...prior, domain: 'SBC.example.com.' })).toBeNull();
    const planned: ObjectValue = {
      ...configOf(sbcSettingsSchema, { id: 'sbc_settings', https_port: 9443 }),
      domain: UNKNOWN,
      http_port: UNKNOWN,
    };
    expect(sbc.toCreatePatch(api, planned)).toEqual({ https_port: 9443 });
  });

  test('defaults and reset', () => {
    expect(sbc.sbcSettingsDefaults).toEqual({ http_port: 8882, https_port: 8883 });
    expect(sbc.toResetPatch(api)).toBeNull();
    expect(sbc.toResetPatch({ ...api, https_port: 9443 })).toEqual({ https_port: 8883 });
  });
});
