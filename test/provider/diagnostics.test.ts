import {
  DiagnosticsError,
  diagnosticsFromError,
  fromProtoDiagnostic,
  hasErrors,
  pathFromProto,
  pathToProto,
  toProtoDiagnostic,
} from '../../src/provider/diagnostics';
import { createLogger, timestamp6 } from '../../src/provider/logger';
import { validateDefinition } from '../../src/provider/registry';
import type { ProviderDefinition } from '../../src/provider/definition';
import { portsipProvider } from '../../src/resources/provider';

test('diagnostics and attribute paths both ways', () => {
  const d = { severity: 'warning' as const, summary: 's', detail: 'd', path: ['rule', 0, 'cidr', { key: 'k' }] };
  const p = toProtoDiagnostic(d);
  expect(p).toEqual({
    severity: 2,
    summary: 's',
    detail: 'd',
    attribute: { steps: [{ attribute_name: 'rule' }, { element_key_int: 0 }, { attribute_name: 'cidr' }, { element_key_string: 'k' }] },
  });
  expect(fromProtoDiagnostic(p)).toEqual(d);
  expect(toProtoDiagnostic({ severity: 'error', summary: 'x' })).toEqual({ severity: 1, summary: 'x' });
  // int64 arrives as a JS number (src/provider/proto/services.ts decodes longs as numbers)
  expect(pathFromProto({ steps: [{ element_key_int: 3 }] })).toEqual([3]);
  expect(pathFromProto(pathToProto([]))).toBeUndefined();
  expect(hasErrors([{ severity: 'warning', summary: '' }])).toBe(false);
  expect(diagnosticsFromError(new DiagnosticsError([d]))).toEqual([d]);
  expect(diagnosticsFromError(Object.assign(new Error('m'), { path: ['a'] }), 'S')).toEqual([
    { severity: 'error', summary: 'S', detail: 'm', path: ['a'] },
  ]);
});

test('log lines are JSON with a six-digit-fraction timestamp', () => {
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', write: (l) => lines.push(l) }).with({ tf_rpc: 'X' });
  log.trace('hidden');
  log.info('hello', { n: 1n });
  expect(lines).toHaveLength(1);
  const e = JSON.parse(lines[0]!);
  expect(e).toMatchObject({ '@level': 'info', '@message': 'hello', tf_rpc: 'X', n: '1' });
  expect(e['@timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  expect(timestamp6(new Date('2026-01-02T03:04:05.123Z'), 456)).toBe('2026-01-02T03:04:05.123456Z');
});

test('schema self-check catches what Terraform would reject', () => {
  const bad: ProviderDefinition = {
    typeName: 'portsip',
    schema: { version: 0, block: { attributes: {} } },
    configure: async () => ({}),
    resources: {
      other_x: {
        schema: {
          version: 0,
          block: {
            attributes: {
              count: { type: 'string', optional: true, description: '' },
              pw: { type: 'string', optional: true, computed: true, writeOnly: true, description: '' },
              none: { type: 'string', description: '' },
            },
            blocks: {
              s: { nesting: 'set', block: { attributes: { k: { type: 'string', optional: true, writeOnly: true, description: '' } } } },
            },
          },
        },
        plan: async () => ({ planned: {} }),
        apply: async () => ({ newState: null }),
        read: async () => ({ newState: null }),
      },
    },
    dataSources: {},
  };
  const problems = validateDefinition(bad);
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/other_x: type names must start with "portsip_"/),
      expect.stringMatching(/other_x\.count: "count" is a reserved/),
      expect.stringMatching(/other_x\.pw: a write-only attribute cannot be computed/),
      expect.stringMatching(/other_x\.none: set exactly one of/),
      expect.stringMatching(/other_x\.s\.k: a write-only attribute cannot sit inside SET/),
    ]),
  );
});

test('the real PortSIP provider definition passes the schema self-check', () => {
  expect(validateDefinition(portsipProvider as ProviderDefinition<unknown>)).toEqual([]);
});
