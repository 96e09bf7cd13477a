// The schema the cdktf bindings are generated from (src/cdktf/schema-json.ts, built from the
// definitions without launching terraform) must be exactly what real terraform reports through
// `terraform providers schema -json` for this provider build.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { providersSchemaJson } from '../../src/cdktf/schema-json';
import { portsipProvider } from '../../src/resources/provider';
import { REPO_ROOT, TerraformHarness } from './harness';

jest.setTimeout(120_000);

test('providers schema -json equals the generated schema (and the committed src/cdktf/gen/schema.json)', async () => {
  const h = await TerraformHarness.create();
  try {
    h.writeConfig('');
    await h.init();
    const reported = await h.providersSchema();
    const fromDefinitions = providersSchemaJson(portsipProvider);
    expect(reported).toEqual(fromDefinitions);
    // Same key order too, so the committed file reads like terraform's own output.
    expect(JSON.stringify(reported)).toBe(JSON.stringify(fromDefinitions));
    const committed = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'src', 'cdktf', 'gen', 'schema.json'), 'utf8'));
    expect(committed).toEqual(reported);
  } finally {
    h.cleanup();
  }
});
