// The "## Schema" part of a Registry page, in the layout tfplugindocs writes: Required / Optional /
// Read-Only groups, one bullet per attribute or block `- \`name\` (Type, flags) description`, and a
// "Nested Schema for `path`" section with an anchor for every nested block and object attribute.
// Beyond tfplugindocs the bullets also say what our schema knows: forces replacement, the default
// named in the description, and the allowed values the validators enforce.

import type { Attribute, AttrType, Block, NestedBlock } from '../../src/provider/schema';

/** Per-schema facts from probe.ts (paths are dotted attribute names). */
export interface SchemaFacts {
  /** Top-level attributes whose change replaces the object. */
  replaces: ReadonlySet<string>;
  allowed: ReadonlyMap<string, string[]>;
}

export const NO_FACTS: SchemaFacts = { replaces: new Set(), allowed: new Map() };

const WRITE_ONLY_LINK = '[Write-only](https://developer.hashicorp.com/terraform/language/resources/ephemeral#write-only-arguments)';

/** tfplugindocs' type names: String, Number, Bool, List of String, Object, List of Object, Dynamic. */
export function typeName(t: AttrType): string {
  if (t === 'string') return 'String';
  if (t === 'number') return 'Number';
  if (t === 'bool') return 'Bool';
  if (t === 'dynamic') return 'Dynamic';
  if ('list' in t) return `List of ${typeName(t.list)}`;
  if ('set' in t) return `Set of ${typeName(t.set)}`;
  if ('map' in t) return `Map of ${typeName(t.map)}`;
  return 'Object';
}

/** The object type inside an attribute type (object, or a collection of objects), if any. */
function objectOf(t: AttrType): Record<string, AttrType> | undefined {
  if (typeof t !== 'object') return undefined;
  if ('object' in t) return t.object;
  if ('list' in t) return objectOf(t.list);
  if ('set' in t) return objectOf(t.set);
  if ('map' in t) return objectOf(t.map);
  return undefined;
}

/**
 * The default a description states: "Default `30s`", "Default 10", "Server default `true`", or
 * "`batch` (default)". Returns the label to show, or undefined when none is stated.
 */
export function statedDefault(description: string): string | undefined {
  const server = /\bServer default:? `([^`]+)`/.exec(description);
  if (server) return `Server default: \`${server[1]}\``;
  const plain = /\bDefault:? `([^`]+)`/.exec(description) ?? /\bDefault:? (-?\d+(?:\.\d+)?)\b/.exec(description);
  if (plain) return `Default: \`${plain[1]}\``;
  const marked = /`([^`]+)` \(default\)/.exec(description);
  if (marked) return `Default: \`${marked[1]}\``;
  return undefined;
}

/** Environment variables a description names ("Env: `PORTSIP_ENDPOINT`"). */
export function statedEnv(description: string): string[] {
  return [...description.matchAll(/\bEnv: `([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!);
}

function anchor(kind: 'nestedblock' | 'nestedatt', path: string[]): string {
  return `${kind}--${path.join('--')}`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

function sentence(s: string): string {
  const t = oneLine(s);
  return t === '' || /[.!?)`]$/.test(t) ? t : `${t}.`;
}

type Group = 'Required' | 'Optional' | 'Read-Only';

function attrGroup(a: Attribute): Group {
  if (a.required) return 'Required';
  if (a.optional) return 'Optional';
  return 'Read-Only';
}

function blockGroup(nb: NestedBlock): Group {
  return (nb.minItems ?? 0) > 0 ? 'Required' : 'Optional';
}

interface Pending {
  title: string;
  anchor: string;
  render: () => string[];
}

class SchemaWriter {
  readonly pending: Pending[] = [];

  constructor(private readonly facts: SchemaFacts) {}

  attributeLine(name: string, a: Attribute, path: string[]): string {
    const dotted = [...path, name].join('.');
    const flags = [typeName(a.type)];
    if (a.deprecated) flags.push('Deprecated');
    if (a.sensitive) flags.push('Sensitive');
    if (a.writeOnly) flags.push(WRITE_ONLY_LINK);
    if (path.length === 0 && this.facts.replaces.has(name)) flags.push('Forces replacement');
    const def = statedDefault(a.description ?? '');
    if (def && (a.optional || a.required)) flags.push(def);
    const env = statedEnv(a.description ?? '');
    if (env.length) flags.push(`Env: ${env.map((e) => `\`${e}\``).join(', ')}`);
    let text = sentence(a.description ?? '');
    const allowed = this.facts.allowed.get(dotted);
    // Only when the description does not already list them all (it usually does).
    if (allowed && !allowed.every((v) => text.includes(`\`${v}\``))) {
      text = `${text} Allowed values: ${allowed.map((v) => `\`${v}\``).join(', ')}.`.trim();
    }
    const obj = objectOf(a.type);
    if (obj) {
      const id = anchor('nestedatt', [...path, name]);
      const group = attrGroup(a);
      this.pending.push({ title: [...path, name].join('.'), anchor: id, render: () => this.objectSection(obj, [...path, name], group) });
      text = `${text} (see [below for nested schema](#${id}))`.trim();
    }
    return `- \`${name}\` (${flags.join(', ')})${text ? ` ${text}` : ''}`;
  }

  blockLine(name: string, nb: NestedBlock, path: string[]): string {
    const kind = nb.nesting === 'list' ? 'Block List' : nb.nesting === 'set' ? 'Block Set' : nb.nesting === 'map' ? 'Block Map' : 'Block';
    const flags = [kind];
    if (nb.minItems) flags.push(`Min: ${nb.minItems}`);
    if (nb.maxItems) flags.push(`Max: ${nb.maxItems}`);
    if (kind === 'Block' && !nb.minItems) flags.push('Optional');
    if (nb.block.deprecated) flags.push('Deprecated');
    const id = anchor('nestedblock', [...path, name]);
    this.pending.push({ title: [...path, name].join('.'), anchor: id, render: () => this.blockBody(nb.block, [...path, name], false) });
    const desc = sentence(nb.block.description ?? '');
    return `- \`${name}\` (${flags.join(', ')})${desc ? ` ${desc}` : ''} (see [below for nested schema](#${id}))`;
  }

  /** Group lines of a block: "### Required" headings at the top level, "Required:" inside nested sections. */
  blockBody(block: Block, path: string[], top: boolean): string[] {
    // Names in byte order, attributes and blocks together, so bullets and their nested sections
    // come out in the same order tfplugindocs uses (and stay stable whatever order the schema has).
    const names = [...Object.keys(block.attributes), ...Object.keys(block.blocks ?? {})].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const groups: Record<Group, string[]> = { Required: [], Optional: [], 'Read-Only': [] };
    for (const g of ['Required', 'Optional', 'Read-Only'] as const) {
      for (const n of names) {
        const a = block.attributes[n];
        const nb = block.blocks?.[n];
        if (a && attrGroup(a) === g) groups[g].push(this.attributeLine(n, a, path));
        else if (!a && nb && blockGroup(nb) === g) groups[g].push(this.blockLine(n, nb, path));
      }
    }
    const out: string[] = [];
    for (const g of ['Required', 'Optional', 'Read-Only'] as const) {
      if (groups[g].length === 0) continue;
      out.push(top ? `### ${g}` : `${g}:`, '', ...groups[g], '');
    }
    return out;
  }

  /** Fields of an object-typed attribute: no descriptions in the type, so name and type only. */
  objectSection(obj: Record<string, AttrType>, path: string[], group: Group): string[] {
    const lines = Object.keys(obj)
      .sort()
      .map((n) => {
        const t = obj[n]!;
        const inner = objectOf(t);
        if (!inner) return `- \`${n}\` (${typeName(t)})`;
        const id = anchor('nestedatt', [...path, n]);
        this.pending.push({ title: [...path, n].join('.'), anchor: id, render: () => this.objectSection(inner, [...path, n], group) });
        return `- \`${n}\` (${typeName(t)}) (see [below for nested schema](#${id}))`;
      });
    return [`${group}:`, '', ...lines, ''];
  }
}

/** The whole "## Schema" section (without its heading) for a block. */
export function renderSchema(block: Block, facts: SchemaFacts = NO_FACTS): string {
  const w = new SchemaWriter(facts);
  const out = w.blockBody(block, [], true);
  // Sections are written in the order their bullets appear (breadth-first), as tfplugindocs does.
  for (let i = 0; i < w.pending.length; i++) {
    const p = w.pending[i]!;
    out.push(`<a id="${p.anchor}"></a>`, `### Nested Schema for \`${p.title}\``, '', ...p.render());
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}
