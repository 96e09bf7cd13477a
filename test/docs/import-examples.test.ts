// The Import sections of the Registry pages are read from examples/resources/<type>/import.sh. Each
// id there must be one the resource's import logic accepts (src/resources/<folder>/schema.ts import
// key, common/ids.ts looksLikeApiId), a natural key must name the object resource.tf creates, and
// the address must be a resource that resource.tf declares.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { portsipProvider } from '../../src/resources/provider';
import { looksLikeApiId } from '../../src/resources/common/ids';
import { metaOf } from '../../src/resources';
import { importCommands } from '../../scripts/gen-docs/generate';

const root = path.resolve(__dirname, '..', '..');

/** The import format a resource declares (natural key, pair or fixed id), and the attributes it names. */
function importKeyOf(type: string) {
  const meta = metaOf(type);
  if (!meta) throw new Error(`${type} is not a resource of this provider`);
  return { ...meta.importFormat, attributes: meta.mode === 'singleton' ? [] : (meta.key?.attributes ?? []) };
}

/** `attr = "value"` or `attr = 123` at the top level of resource.tf (first match). */
function literal(hcl: string, attr: string): string | undefined {
  const m = new RegExp(`^\\s*${attr}\\s*=\\s*(?:"([^"]*)"|(\\d+))\\s*$`, 'm').exec(hcl);
  return m ? (m[1] ?? m[2]) : undefined;
}

const types = Object.keys(portsipProvider.resources).sort();

test.each(types)('%s: import.sh ids are accepted by its import logic and name the example object', (type) => {
  const dir = path.join(root, 'examples', 'resources', type);
  const hcl = fs.readFileSync(path.join(dir, 'resource.tf'), 'utf8');
  const cmds = importCommands(fs.readFileSync(path.join(dir, 'import.sh'), 'utf8'));
  expect(cmds.length).toBeGreaterThan(0);
  const key = importKeyOf(type);
  const declared = new Set([...hcl.matchAll(new RegExp(`^resource "${type}" "(\\w+)"`, 'gm'))].map((m) => `${type}.${m[1]}`));
  for (const c of cmds) {
    expect(declared).toContain(c.address);
    if (key.attributes.length === 0) {
      // A singleton: only its fixed id.
      expect(key.parse(c.id)).not.toBeNull();
      continue;
    }
    if (looksLikeApiId(c.id)) continue;
    const parsed = key.parse(c.id);
    expect({ id: c.id, parsed }).toEqual({ id: c.id, parsed: expect.anything() });
    for (const attr of key.attributes) {
      const configured = literal(hcl, attr);
      // Ids of other objects (trunk_id, tenant_id) come from variables: nothing literal to match.
      if (configured !== undefined) expect(`${attr} = ${String(parsed![attr])}`).toBe(`${attr} = ${configured}`);
    }
  }
});

test('resources importable by a natural key show both forms; singletons show their fixed id', () => {
  for (const type of types) {
    const key = importKeyOf(type);
    const ids = importCommands(fs.readFileSync(path.join(root, 'examples', 'resources', type, 'import.sh'), 'utf8')).map((c) => c.id);
    if (key.attributes.length === 0) expect({ type, ids }).toEqual({ type, ids: [key.example] });
    else if (type === 'portsip_trunk_assignment') expect(ids.every((id) => key.parse(id) !== null)).toBe(true);
    else expect({ type, forms: ids.map((id) => (looksLikeApiId(id) ? 'id' : 'key')) }).toEqual({ type, forms: ['id', 'key'] });
  }
});
