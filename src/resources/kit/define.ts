// The resource kit: what every PortSIP resource declares, and the one dispatch that turns a
// declaration into the ResourceDefinition the protocol server serves.
//
// A resource is one folder (schema.ts, validate.ts, model.ts, resource.ts, index.ts) and one line in
// src/resources/registry.ts. Its schema carries the declarations on the attributes
// (common/schema-helpers.ts KitFlags): `replace` (the API cannot update it), `key` (the natural key
// and how it compares), `references` (the id of another type); Terraform's own flags (sensitive,
// write-only) are on the same attributes. From these the kit derives requires_replace, the natural
// key (look-up before create, recovery of a lost create answer, the create journal, import by key,
// names in messages), and what `portsip export` and the drift report need (src/resources/index.ts).
//
// Three modes share this dispatch (kit/collection.ts, kit/singleton.ts, kit/pair.ts):
//   collection - many objects with an API id (tenant, dealer, transport, IP rule, admin user);
//   singleton  - one settings object per PBX with a fixed id (system settings, certificate, ...);
//   pair       - an object named by the ids of two others, no id of its own (trunk assignment).
// Data sources are built from the same pieces (kit/data-source.ts).
//
// What the dispatch does the same for every mode:
// validate -> in the validate walk (before ConfigureProvider) count the block into the command's
//             census (plan-census.ts); then the resource's static checks.
// plan     -> planDefault (docs/protocol.md "Planned values"), the prior spelling kept where config means
//             the same, requires_replace from the `replace` attributes, then the mode's checks.
// apply    -> stop check (Ctrl-C), then create / update / delete of the mode.
// read     -> stop check; a failure becomes the API error diagnostic naming the object.

import type {
  ApplyRequest,
  ApplyResponse,
  ImportResponse,
  PlanRequest,
  PlanResponse,
  ReadRequest,
  ReadResponse,
  ResourceContext,
  ResourceDefinition,
  ValidateContext,
} from '../../provider/definition';
import { DiagnosticsError } from '../../provider/diagnostics';
import { planDefault, valueEquals } from '../../provider/plan-helpers';
import { UNKNOWN, type Diagnostic, type ObjectValue, type Value } from '../../provider/values';
import type { PortsipContext } from '../common/context';
import type { KitBlock, KitSchema } from '../common/schema-helpers';
import type { UniqueKey } from '../common/unique-keys';
import { checkStop } from './diagnostics';
import { declaredKey, type ImportFormat, type NaturalKey } from './keys';

export type Ctx = ResourceContext<PortsipContext>;
export type Mode = 'collection' | 'singleton' | 'pair';

/** What every resource declares, whatever its mode. */
export interface ResourceSpec {
  typeName: string;
  /** How messages and reports name the type: "tenant", "IP rule", "system settings". */
  label: string;
  schema: KitSchema;
  /** Static checks (no API): the resource's validate.ts. */
  validate(config: ObjectValue, opts: { writeOnlyAttributesAllowed?: boolean }): Diagnostic[];
  /** Where config means the same as prior (another spelling), keep the prior's (the model's rules). */
  keepPriorSpelling(planned: ObjectValue, prior: ObjectValue | null): ObjectValue;
  /** False when `portsip export` cannot read it with an administrator account. Default true. */
  exportable?: boolean;
}

/** What the rest of the project (export, drift report, cdktf checks, docs) knows about a resource type. */
export interface ResourceMeta {
  typeName: string;
  label: string;
  mode: Mode;
  schema: KitSchema;
  /** Declared by the attributes marked `key`; a pair's key is its two ids. */
  key: NaturalKey | undefined;
  /** How an import id names an object besides its API id: the natural key, the pair, the fixed id. */
  importFormat: ImportFormat;
  /** What PortSIP keeps unique across objects of this type (collections; unique-keys.ts). */
  unique?: UniqueKey;
  /** Singletons: the one id. */
  fixedId?: string;
  /** Documented server defaults by attribute (a singleton's reset table): `portsip export` leaves these out. */
  defaults?: Readonly<Record<string, Value>>;
  /** False when `portsip export` cannot read it with an administrator account (the dealer's own profile). */
  exportable: boolean;
  /** Attribute -> the resource type whose API id it holds (attributes marked `references`). */
  references: Readonly<Record<string, string>>;
}

export interface KitResource extends ResourceDefinition<PortsipContext> {
  meta: ResourceMeta;
}

/** What a mode supplies to the dispatch. */
export interface Flow {
  /** Validate walk: record the block in the command's census. */
  census(config: ObjectValue): void;
  /** Static checks the mode adds to the resource's own (a singleton's reset_on_destroy without defaults). */
  validate?(config: ObjectValue): Diagnostic[];
  /** Checks after the planned value is known; `replace` lists the attributes forcing a replacement. */
  planChecks(req: PlanRequest, planned: ObjectValue, replace: string[], ctx: Ctx): Promise<Diagnostic[]>;
  /** The planned value's last touches (a singleton's fixed id, a pair's id). */
  finishPlan?(planned: ObjectValue): void;
  planDestroy?(prior: ObjectValue, ctx: Ctx): Promise<Diagnostic[]>;
  create(planned: ObjectValue, config: ObjectValue, ctx: Ctx): Promise<ApplyResponse>;
  update(prior: ObjectValue, planned: ObjectValue, config: ObjectValue, ctx: Ctx): Promise<ApplyResponse>;
  destroy(prior: ObjectValue, ctx: Ctx): Promise<ApplyResponse>;
  /** The live state, null when gone; throws what `readFailure` turns into diagnostics. */
  read(current: ObjectValue, ctx: Ctx): Promise<ObjectValue | null>;
  readFailure(e: unknown, current: ObjectValue): Diagnostic[];
  importState(raw: string, ctx: Ctx): Promise<ImportResponse>;
}

/** Attributes marked `replace` whose planned value differs from prior (an unknown one may turn out different). */
export function replacedAttributes(block: KitBlock, prior: ObjectValue, planned: ObjectValue): string[] {
  return replaceRule(block)(prior, planned);
}

/** replacedAttributes with the block's `replace` attributes found once (PlanResourceChange runs it per object). */
function replaceRule(block: KitBlock): (prior: ObjectValue, planned: ObjectValue) => string[] {
  const marked = Object.entries(block.attributes).filter(([, a]) => a.replace);
  return (prior, planned) =>
    marked.filter(([n, a]) => planned[n] === UNKNOWN || !valueEquals(prior[n] ?? null, planned[n] ?? null, a.type)).map(([n]) => n);
}

/** Attribute -> referenced type, from the attributes marked `references`. */
function referencesOf(block: KitBlock): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [n, a] of Object.entries(block.attributes)) if (a.references) out[n] = a.references;
  return out;
}

export function resourceMeta(
  spec: ResourceSpec,
  mode: Mode,
  extra: { importFormat: ImportFormat; key?: NaturalKey; unique?: UniqueKey; fixedId?: string; defaults?: Readonly<Record<string, Value>> },
): ResourceMeta {
  return {
    typeName: spec.typeName,
    label: spec.label,
    mode,
    schema: spec.schema,
    key: extra.key ?? declaredKey(spec.schema.block),
    importFormat: extra.importFormat,
    unique: extra.unique,
    fixedId: extra.fixedId,
    defaults: extra.defaults,
    exportable: spec.exportable ?? true,
    references: referencesOf(spec.schema.block),
  };
}

/** The one dispatch: a mode's flow behind the protocol's resource calls. */
export function kitResource(spec: ResourceSpec, meta: ResourceMeta, flow: Flow): KitResource {
  const replaced = replaceRule(spec.schema.block);
  return {
    schema: spec.schema,
    meta,

    validate(config: ObjectValue, ctx: ValidateContext) {
      // No Terraform version yet: ConfigureProvider has not run, so this is the validate walk,
      // which sees every resource block once: it goes into the command's census (plan-census.ts).
      if (ctx.terraformVersion === undefined) flow.census(config);
      const own = spec.validate(config, { writeOnlyAttributesAllowed: ctx.clientCapabilities.writeOnlyAllowed });
      return flow.validate ? [...own, ...flow.validate(config)] : own;
    },

    async plan(req: PlanRequest, ctx: Ctx): Promise<PlanResponse> {
      const base = planDefault(spec.schema, req);
      const planned = req.prior ? spec.keepPriorSpelling(base.planned, req.prior) : base.planned;
      flow.finishPlan?.(planned);
      const replace = req.prior ? replaced(req.prior, planned) : [];
      const diagnostics = await flow.planChecks(req, planned, replace, ctx);
      return replace.length > 0 ? { planned, requiresReplace: replace.map((n) => [n]), diagnostics } : { planned, diagnostics };
    },

    ...(flow.planDestroy ? { planDestroy: (req: { prior: ObjectValue }, ctx: Ctx) => flow.planDestroy!(req.prior, ctx) } : {}),

    async apply(req: ApplyRequest, ctx: Ctx): Promise<ApplyResponse> {
      checkStop(ctx);
      if (req.action === 'delete') return flow.destroy(req.prior!, ctx);
      if (req.action === 'create') return flow.create(req.planned!, req.config!, ctx);
      return flow.update(req.prior!, req.planned!, req.config!, ctx);
    },

    async read(req: ReadRequest, ctx: Ctx): Promise<ReadResponse> {
      checkStop(ctx);
      try {
        return { newState: await flow.read(req.current, ctx) };
      } catch (e) {
        throw new DiagnosticsError(flow.readFailure(e, req.current));
      }
    },

    importState: (raw: string, ctx: Ctx) => flow.importState(raw, ctx),
  };
}

/**
 * How a message names one object: `dealer "acme-telecom"`, `transport "TLS:5061"`, `system settings`;
 * `fallback` (e.g. the id) quoted when the values hold no key.
 */
export function objectName(
  meta: Pick<ResourceMeta, 'label' | 'mode' | 'key'>,
  values: Readonly<Record<string, unknown>>,
  fallback?: string,
): string {
  if (meta.mode === 'singleton') return meta.label;
  const shown = meta.key?.display(values) ?? fallback;
  return shown !== undefined ? `${meta.label} ${JSON.stringify(shown)}` : meta.label;
}

/** A value that is a non-empty string (ids in state), else undefined. */
export const idText = (v: Value | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
