// API <-> state mapping of the transport: exact key sets, round trips, prior spelling kept, write-only never in
// state, minimal update patches.

import { UNKNOWN } from '../../../src/provider/values';
import * as transport from '../../../src/resources/transport/model';
import { transportSchema } from '../../../src/resources/transport/schema';
import { expectExactKeys } from '../model-checks';
import { metaOf } from '../../../src/resources';
import { replacedAttributes } from '../../../src/resources/kit/define';

/** The import format a resource type declares. */
const importOf = (type: string) => metaOf(type)!.importFormat;

describe('transport', () => {
  const api = { id: 't1', protocol: 'TLS', port: 5061, verification: 'OPTIONAL' };

  test('round trip: toState(api) -> create body -> same fields', () => {
    const s = transport.toState(api, null);
    expectExactKeys(transportSchema.block, s);
    expect(transport.toCreateBody(s)).toEqual({ protocol: 'TLS', port: 5061, verification: 'OPTIONAL' });
    expect(transport.toState(api, s)).toEqual(s);
  });

  test('protocol forces replacement and is never patched', () => {
    const prior = transport.toState(api, null);
    const planned = { ...prior, protocol: 'TCP', port: 5063, verification: 'DISABLE' };
    expect(replacedAttributes(transportSchema.block, prior, planned)).toEqual(['protocol']);
    expect(replacedAttributes(transportSchema.block, prior, { ...prior, protocol: UNKNOWN })).toEqual(['protocol']);
    expect(replacedAttributes(transportSchema.block, prior, { ...prior, port: 5062 })).toEqual([]);
    expect(transport.toUpdatePatch(prior, planned)).toEqual({ port: 5063, verification: 'DISABLE' });
    expect(transport.toUpdatePatch(prior, { ...prior, verification: UNKNOWN })).toBeNull();
  });

  test('natural import key', () => {
    expect(importOf('portsip_transport').parse('tls:5061')).toEqual({ protocol: 'TLS', port: 5061 });
    expect(importOf('portsip_transport').parse('UDP:5060')).toEqual({ protocol: 'UDP', port: 5060 });
    expect(importOf('portsip_transport').parse('UDP:70000')).toBeNull();
    expect(importOf('portsip_transport').parse('NzAwNTUxOTA5NzczMTQ4MTYw')).toBeNull();
  });
});
