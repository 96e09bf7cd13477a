// Synth-time validation: runs the provider's own validators (the same code Terraform calls in
// ValidateResourceConfig / ValidateDataResourceConfig / ValidateProviderConfig) on every portsip
// construct during `app.synth()`, so a bad value fails synth with the construct path and the
// attribute, before any terraform run.
//
//   Aspects.of(stack).add(new PortsipValidation());   // or validatePortsip(app) after creating the stacks
//
// How it fits cdktf's synth (node_modules/cdktf/lib/synthesize/synthesizer.js): aspects are invoked
// first, then every construct's node validations, then the JSON is written. The aspect only
// attaches a validation to each portsip construct, so the check runs after every other aspect has
// had its say, and all problems across the app are reported together in one error (docs/design.md
// "Habits" 5). `Testing.synth(stack, true)` runs the same validations.
//
// Values are converted the way Terraform would hand them to the provider: every schema key present,
// unset = null, absent list/set blocks = [], and anything not known until apply (a cdktf token, or
// a string containing a `${...}` / `%{...}` template, which Terraform evaluates) = UNKNOWN, which
// the validators skip (src/resources/common/validators.ts).

import type { IConstruct, IValidation } from 'constructs';
import { metaOf } from '../resources';
import { portsipProvider } from '../resources/provider';
import { duplicateSingletonDiagnostic } from '../resources/kit/singleton';
import { formatPath } from '../resources/common/validators';
import type { ValidateContext } from '../provider/definition';
import { SILENT_LOGGER } from '../provider/logger';
import type { AttrType, Block, Schema } from '../provider/schema';
import { UNKNOWN, type Diagnostic, type ObjectValue, type Value } from '../provider/values';
import {
  Annotations,
  Aspects,
  TerraformDataSource,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  Token,
  Tokenization,
  type IAspect,
} from './cdk';

export interface PortsipValidationOptions {
  /**
   * Whether the Terraform that will run the stack supports write-only attributes (1.11+). When
   * false, write-only values (`password_wo`, ...) are errors, as Terraform before 1.11 would store
   * them in state.
   * @default true
   */
  readonly writeOnlyAttributesAllowed?: boolean;
  /**
   * Report warnings (e.g. conflicting TLS settings) as construct warnings.
   * @default true
   */
  readonly warnings?: boolean;
}

/** What the provider definition looks like to the aspect (the real one by default; tests may pass another). */
type Definition = Pick<typeof portsipProvider, 'typeName' | 'schema' | 'resources' | 'dataSources' | 'validateConfig'>;

type Kind = 'provider' | 'resource' | 'data source';

interface Target {
  kind: Kind;
  typeName: string;
  schema: Schema;
  validate?: (config: ObjectValue, ctx: ValidateContext) => unknown;
}

// Meta-arguments and cdktf's own keys in a synthesized block: never provider attributes.
const META = new Set(['//', 'count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection', 'alias', 'dynamic']);

const VALIDATED = Symbol.for('terraform-provider-portsip.cdktf.validated');

/** A string Terraform would evaluate: a cdktf token or a literal template in JSON syntax. */
function isTemplate(s: string): boolean {
  return Token.isUnresolved(s) || /[$%]\{/.test(s);
}

function isUnknown(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return isTemplate(v);
  // Numbers, encoded lists (an array of one token) and maps with a token key, or any IResolvable.
  return Token.isUnresolved(v);
}

/** One value against its cty type, as Terraform would decode it from the JSON configuration. */
export function toValue(raw: unknown, type: AttrType): Value {
  if (raw === undefined || raw === null) return null;
  if (isUnknown(raw)) return UNKNOWN;
  if (typeof type === 'string') {
    switch (type) {
      case 'string':
        return typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : UNKNOWN;
      case 'number':
        if (typeof raw === 'number') return raw;
        if (typeof raw === 'string' && raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
        return UNKNOWN;
      case 'bool':
        if (typeof raw === 'boolean') return raw;
        if (raw === 'true' || raw === 'false') return raw === 'true';
        return UNKNOWN;
      default:
        return UNKNOWN; // dynamic: the validators never look inside
    }
  }
  if ('list' in type || 'set' in type) {
    const elem = 'list' in type ? type.list : type.set;
    if (!Array.isArray(raw)) return UNKNOWN;
    return raw.map((x) => toValue(x, elem));
  }
  if ('map' in type) {
    if (typeof raw !== 'object' || Array.isArray(raw)) return UNKNOWN;
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) out[k] = toValue(v, type.map);
    return out;
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) return UNKNOWN;
  const out: Record<string, Value> = {};
  for (const [k, t] of Object.entries(type.object)) out[k] = toValue((raw as Record<string, unknown>)[k], t);
  return out;
}

/** A block body (snake_case keys, as synthesized) -> the ObjectValue the provider would receive. */
export function toObjectValue(raw: Record<string, unknown>, block: Block, path: string[] = [], extra?: string[]): ObjectValue {
  const out: ObjectValue = {};
  for (const [name, attr] of Object.entries(block.attributes)) out[name] = toValue(raw[name], attr.type);
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const v = raw[name];
    // A TerraformDynamicBlock synthesizes as `dynamic { <name> { for_each ... } }`: its items are
    // known only when terraform expands it.
    const dynamic = raw.dynamic as Record<string, unknown> | undefined;
    if (isUnknown(v) || (dynamic && typeof dynamic === 'object' && name in dynamic)) {
      out[name] = UNKNOWN;
      continue;
    }
    // JSON syntax accepts one object or an array for list/set blocks, an array of one for single (docs/protocol.md "CLI configuration and cdktf").
    const items = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
    const objs = items.map((x, i) =>
      x && typeof x === 'object' && !Tokenization.isResolvable(x)
        ? toObjectValue(x as Record<string, unknown>, nb.block, [...path, name, String(i)], extra)
        : UNKNOWN,
    );
    switch (nb.nesting) {
      case 'single':
        out[name] = objs[0] ?? null;
        break;
      case 'group':
        out[name] = objs[0] ?? toObjectValue({}, nb.block);
        break;
      case 'map': {
        const m: Record<string, Value> = {};
        if (v && typeof v === 'object' && !Array.isArray(v))
          for (const [k, x] of Object.entries(v as Record<string, unknown>))
            m[k] = x && typeof x === 'object' ? toObjectValue(x as Record<string, unknown>, nb.block) : UNKNOWN;
        out[name] = m;
        break;
      }
      default:
        out[name] = objs;
    }
  }
  if (extra) {
    for (const k of Object.keys(raw)) {
      if (META.has(k) || k in block.attributes || (block.blocks && k in block.blocks)) continue;
      extra.push([...path, k].join('.'));
    }
  }
  return out;
}

/** `office_hours.monday.ranges[0].from` -> `officeHours.monday.ranges[0].from` (the construct props' spelling). */
export function propPath(attrPath: string): string {
  return attrPath.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** One diagnostic as a line of cdktf's synth error: `portsip_dealer.level (prop level): <summary>: <detail>`. */
export function formatDiagnostic(typeName: string, d: Diagnostic): string {
  const p = d.path && d.path.length ? formatPath(d.path) : '';
  const where = p ? `${typeName}.${p}${propPath(p) !== p ? ` (prop ${propPath(p)})` : ''}` : typeName;
  return `${where}: ${d.summary}${d.detail ? `: ${d.detail}` : ''}`;
}

/** What Terraform 1.11 passes in the validate walk: no provider configured, write-only allowed. */
function validateContext(writeOnlyAllowed: boolean): ValidateContext {
  return {
    signal: new AbortController().signal,
    logger: SILENT_LOGGER,
    clientCapabilities: { writeOnlyAllowed, deferralAllowed: false },
    terraformVersion: undefined,
  };
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return !!x && typeof (x as { then?: unknown }).then === 'function';
}

/** The synthesized body of a resource, data source or provider construct (overrides included). */
function synthesizedBody(node: IConstruct): Record<string, unknown> | undefined {
  const json = (node as unknown as { toTerraform(): Record<string, unknown> }).toTerraform();
  const section = json.resource ?? json.data ?? json.provider;
  if (!section || typeof section !== 'object') return undefined; // e.g. a moved resource
  const byType: unknown = Object.values(section as Record<string, unknown>)[0];
  const body: unknown = Array.isArray(byType)
    ? byType[0]
    : byType && typeof byType === 'object'
      ? Object.values(byType as Record<string, unknown>)[0]
      : undefined;
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
}

function literalCount(node: IConstruct): number {
  const c = (node as unknown as { count?: unknown }).count;
  return typeof c === 'number' && !Token.isUnresolved(c) ? c : 1;
}

/**
 * An Aspect that attaches the provider's validators to every portsip construct below its scope.
 * Add it to each stack (`Aspects.of(stack).add(...)`, or `validatePortsip(app)` for all of them;
 * cdktf ignores aspects on the App itself); problems fail `app.synth()`.
 */
export class PortsipValidation implements IAspect {
  private readonly writeOnlyAllowed: boolean;
  private readonly warnings: boolean;
  private readonly def: Definition;
  /** Singleton instances per (stack, type), to refuse two blocks that would fight over one object. */
  private readonly singletons = new Map<string, IConstruct[]>();

  constructor(options: PortsipValidationOptions = {}, definition: Definition = portsipProvider) {
    this.writeOnlyAllowed = options.writeOnlyAttributesAllowed ?? true;
    this.warnings = options.warnings ?? true;
    this.def = definition;
  }

  private target(node: IConstruct): Target | undefined {
    const prefix = `${this.def.typeName}_`;
    if (TerraformResource.isTerraformResource(node) && node.terraformResourceType.startsWith(prefix)) {
      const r = this.def.resources[node.terraformResourceType];
      return r
        ? { kind: 'resource', typeName: node.terraformResourceType, schema: r.schema, validate: r.validate?.bind(r) }
        : { kind: 'resource', typeName: node.terraformResourceType, schema: undefined as unknown as Schema };
    }
    if (TerraformDataSource.isTerraformDataSource(node) && node.terraformResourceType.startsWith(prefix)) {
      const d = this.def.dataSources[node.terraformResourceType];
      return d
        ? { kind: 'data source', typeName: node.terraformResourceType, schema: d.schema, validate: d.validate?.bind(d) }
        : { kind: 'data source', typeName: node.terraformResourceType, schema: undefined as unknown as Schema };
    }
    if (TerraformProvider.isTerraformProvider(node) && node.terraformResourceType === this.def.typeName) {
      return { kind: 'provider', typeName: this.def.typeName, schema: this.def.schema, validate: this.def.validateConfig?.bind(this.def) };
    }
    return undefined;
  }

  visit(node: IConstruct): void {
    const t = this.target(node);
    if (!t) return;
    const marked = node as unknown as Record<symbol, boolean>;
    if (marked[VALIDATED]) return; // the same construct reached through a second aspect instance
    marked[VALIDATED] = true;
    // A singleton by its declaration (the kit's mode), not by its description.
    if (t.kind === 'resource' && metaOf(t.typeName)?.mode === 'singleton') {
      const key = `${stackPath(node)}\u0000${t.typeName}`;
      const list = this.singletons.get(key) ?? [];
      list.push(node);
      this.singletons.set(key, list);
    }
    const validation: IValidation = { validate: () => this.check(node, t) };
    node.node.addValidation(validation);
  }

  /** The problems of one construct, as lines for cdktf's "Validation failed" error. */
  private check(node: IConstruct, t: Target): string[] {
    if (!t.schema)
      return [
        `${t.typeName}: the portsip provider has no ${t.kind} type "${t.typeName}"; known: ${Object.keys(
          t.kind === 'resource' ? this.def.resources : this.def.dataSources,
        )
          .sort()
          .join(', ')}.`,
      ];
    const body = synthesizedBody(node);
    if (!body) return [];
    const unsupported: string[] = [];
    const config = toObjectValue(body, t.schema.block, [], unsupported);
    const diags: Diagnostic[] = unsupported.map((p) => ({
      severity: 'error',
      summary: 'Unsupported argument',
      detail: `An argument named "${p}" is not expected here (an override or escape hatch?); terraform would reject it.`,
      path: p.split('.'),
    }));
    if (t.validate) {
      const got = t.validate(config, validateContext(this.writeOnlyAllowed));
      if (isThenable(got)) {
        diags.push({
          severity: 'warning',
          summary: 'Not validated at synth',
          detail: `The ${t.typeName} validator is asynchronous; terraform validates it at plan time.`,
        });
      } else if (Array.isArray(got)) {
        // Singletons count resource blocks in the working directory's .tf files (that is all the
        // provider can see); at synth the construct tree is the truth, counted below instead.
        const dup = t.kind === 'resource' ? duplicateSingletonDiagnostic(t.typeName, 2).summary : undefined;
        diags.push(...(got as Diagnostic[]).filter((d) => d.summary !== dup));
      }
    }
    if (t.kind === 'resource') {
      const peers = this.singletons.get(`${stackPath(node)}\u0000${t.typeName}`) ?? [];
      const total = peers.reduce((n, p) => n + literalCount(p), 0);
      if (total > 1) {
        const d = duplicateSingletonDiagnostic(t.typeName, total);
        diags.push({ ...d, detail: `${d.detail} Declared at: ${peers.map((p) => p.node.path).join(', ')}.` });
      }
    }
    const errors: string[] = [];
    for (const d of diags) {
      const line = formatDiagnostic(t.typeName, d);
      if (d.severity === 'error') errors.push(line);
      else if (this.warnings) Annotations.of(node).addWarning(line);
    }
    return errors;
  }
}

function stackPath(node: IConstruct): string {
  let c: IConstruct | undefined = node;
  while (c) {
    if ((c as unknown as { synthesizer?: unknown }).synthesizer !== undefined && c.node.scope !== undefined) return c.node.path;
    c = c.node.scope;
  }
  return '';
}

/**
 * Adds PortsipValidation to a stack, or to every stack of an App. cdktf 0.21 invokes aspects per
 * stack, starting at the stack (synthesizer.js invokeAspects): an aspect added to the App itself is
 * never invoked, so for an App this adds it to each stack that exists now (call it after creating them).
 */
export function validatePortsip<T extends IConstruct>(scope: T, options?: PortsipValidationOptions): T {
  const aspect = new PortsipValidation(options);
  const stacks = TerraformStack.isStack(scope)
    ? [scope]
    : scope.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
  if (stacks.length === 0)
    throw new Error(
      `validatePortsip(${scope.node.path || 'app'}): no TerraformStack found; call it after creating the stacks, or pass a stack.`,
    );
  for (const stack of stacks) Aspects.of(stack).add(aspect);
  return scope;
}
