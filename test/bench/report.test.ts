// The benchmark report's request bound (bench/report-data.ts): bench/ is not part of a normal run;
// this keeps the bound RESULTS.md checks plans against honest in CI.
import { boundCheck } from '../../bench/report-data';
import type { ScenarioResult } from '../../bench/types';

test("the report's request bound: ceil(rules/100) + ceil(dealers/100) + tenants + C", () => {
  const sr = {
    counts: { portsip_ip_rule: 2000, portsip_dealer: 300, portsip_tenant: 300, portsip_transport: 20 },
    singletons: new Array(9).fill('x'),
  } as unknown as ScenarioResult;
  const at = (n: number) => boundCheck(sr, { 'GET /api/tenants/{id}/dealers': 100 }, n);
  expect(at(335)).toMatchObject({ scaling: 323, constant: 12, bound: 335, ok: true });
  expect(at(336).ok).toBe(false);
  expect(at(433).excessNote).toMatch(/over by 98; .*accounts for 100/);
});
