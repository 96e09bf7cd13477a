// Fidelity of the transport and IP rule validation: the provider and the emulator agree with the
// documented rule (test/fidelity/harness.ts; docs/fidelity.md is the table in prose).

import { startEmulator } from '../../src/emulator';
import { Api } from '../emulator/helpers';
import { testRules } from './harness';
import { NETWORK_RULES } from './rules/network';

testRules(NETWORK_RULES);

test('the last transport cannot be deleted (transport.last)', async () => {
  const e = await startEmulator({ port: 0 });
  try {
    const a = new Api(e.url);
    await a.signIn();
    expect((await a.post(`/transports/${e.seedIds.transportUdp}/destroy`)).status).toBe(400);
  } finally {
    await e.close();
  }
});
