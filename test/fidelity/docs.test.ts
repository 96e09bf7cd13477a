// docs/fidelity.md (the rules in prose) and the rule tables (test/fidelity/rules/) list the same rules.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from './rules';

test('docs/fidelity.md lists exactly the rules tested here', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'fidelity.md'), 'utf8');
  const inDoc = new Set([...doc.matchAll(/^\| `([a-z0-9_.-]+)` +\|/gm)].map((m) => m[1]!));
  const inTest = new Set(ALL_RULES.map((r) => r.id));
  expect([...inDoc].filter((id) => !inTest.has(id))).toEqual([]);
  expect([...inTest].filter((id) => !inDoc.has(id))).toEqual([]);
});

test('no rule id is used twice', () => {
  const ids = ALL_RULES.map((r) => r.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
});
