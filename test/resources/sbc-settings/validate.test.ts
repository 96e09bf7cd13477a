// Validation of the SBC settings: invalid configurations (path, attribute name, bad value and what is allowed
// in every diagnostic), several problems at once, valid configurations and unknown values.

import { UNKNOWN } from '../../../src/provider/values';
import { sbcSettingsSchema } from '../../../src/resources/sbc-settings/schema';
import { validate as vSbc } from '../../../src/resources/sbc-settings/validate';
import { configOf, errors } from '../helpers';
import { configBuilder, everyUnknown, type InvalidCase, testInvalidCases } from '../invalid-cases';

const sbc = configBuilder(sbcSettingsSchema, {});
const sbcT = (protocol: string, port: number) => ({ protocol, port });

const cases: InvalidCase[] = [
  {
    name: 'SBC http_port too big',
    run: () => vSbc(sbc({ http_port: 70000 })),
    expect: [{ path: ['http_port'], contains: ['"http_port"', 'got 70000', 'from 0 to 65535'] }],
  },
  {
    name: 'SBC transport WSS',
    run: () => vSbc(sbc({ transports: [sbcT('UDP', 5060), sbcT('WSS', 5065)] })),
    expect: [{ path: ['transports', 1, 'protocol'], contains: ['"transports[1].protocol"', '"WSS"', '"UDP", "TCP", "TLS"'] }],
  },
  {
    name: 'SBC TLS transport on port 0',
    run: () => vSbc(sbc({ transports: [sbcT('TLS', 0)] })),
    expect: [{ path: ['transports', 0, 'port'], contains: ['"transports[0].port"', 'from 1 to 65535 for protocol "TLS"', 'got 0'] }],
  },
  {
    name: 'SBC duplicate transport',
    run: () => vSbc(sbc({ transports: [sbcT('UDP', 5060), sbcT('TCP', 5063), sbcT('UDP', 5060)] })),
    expect: [
      {
        path: ['transports', 2],
        severity: 'warning',
        contains: ['"transports[2]"', 'protocol "UDP" and port 5060', '"transports[0]"', 'probably a mistake'],
      },
    ],
  },
  {
    name: 'SBC http and https on one port',
    run: () => vSbc(sbc({ http_port: 8443, https_port: 8443 })),
    expect: [{ path: ['https_port'], severity: 'warning', contains: ['"http_port" and "https_port" are both 8443', 'different ports'] }],
  },
];

testInvalidCases(cases);

describe('several problems at once are all reported', () => {
  test('SBC with bad ports and transports everywhere', () => {
    const ds = vSbc(sbc({ http_port: -1, https_port: 65536, transports: [sbcT('udp', 5060), sbcT('TCP', 0), sbcT('TLS', 99999)] }));
    expect(errors(ds).map((d) => d.path)).toEqual([
      ['http_port'],
      ['https_port'],
      ['transports', 0, 'protocol'],
      ['transports', 1, 'port'],
      ['transports', 2, 'port'],
    ]);
  });
});

describe('valid configurations produce no errors', () => {
  test('an empty config is valid, and so is a typical one', () => {
    expect(vSbc(configOf(sbcSettingsSchema, {}))).toEqual([]);
    expect(
      vSbc(
        sbc({
          domain: 'sbc.example.com',
          http_port: 8882,
          https_port: 8883,
          transports: [sbcT('UDP', 5060), sbcT('TCP', 5063), sbcT('TLS', 5061), sbcT('UDP', 0)],
        }),
      ),
    ).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('sbc with every argument unknown', () => {
    expect(vSbc(everyUnknown(sbcSettingsSchema))).toEqual([]);
  });

  test('unknown items inside the SBC transport list', () => {
    expect(vSbc(sbc({ transports: [UNKNOWN, { protocol: UNKNOWN, port: 0 }, { protocol: 'UDP', port: UNKNOWN }] }))).toEqual([]);
  });
});
