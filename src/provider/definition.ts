// The contract between the protocol server (src/provider) and the things it serves
// (src/resources, src/datasources). Nothing here knows about PortSIP; nothing in src/resources
// needs to know about gRPC, msgpack or Terraform's wire rules: the server decodes and encodes
// every value against the declared Schema, strips write-only values, echoes private data, and
// turns thrown errors into diagnostics (docs/protocol.md "Messages and field numbers", "Planned values", "Write-only attributes").

import type { JsonValue } from './codec/json';
import type { Logger } from './logger';
import type { Schema } from './schema';
import type { AttributePath, Diagnostic, ObjectValue } from './values';

export type Awaitable<T> = T | Promise<T>;

/** What Terraform told us it can handle (ClientCapabilities, docs/protocol.md "Messages and field numbers", "Write-only attributes"). */
export interface ClientCapabilities {
  /** Terraform >= 1.11 sends true. When false, a non-null write-only value is rejected in VRC. */
  writeOnlyAllowed: boolean;
  /** True in the apply-time PRC; we never return `deferred` anyway (docs/protocol.md "Launches per command"). */
  deferralAllowed: boolean;
}

/** Passed to every callback. */
export interface BaseContext {
  /** Aborted when Terraform calls StopProvider (Ctrl-C, docs/protocol.md "Ctrl-C and StopProvider"): pass it to HTTP calls. */
  signal: AbortSignal;
  logger: Logger;
  clientCapabilities: ClientCapabilities;
  /** From ConfigureProvider ("1.11.4"); undefined before it (e.g. in the validate walk). */
  terraformVersion: string | undefined;
}

/** Validation runs before ConfigureProvider, and in the validate walk every variable is UNKNOWN. */
export type ValidateContext = BaseContext;

/** Context of CRUD callbacks: ConfigureProvider has succeeded in this process. */
export interface ResourceContext<C> extends BaseContext {
  /** Whatever ProviderDefinition.configure returned as `context` (e.g. the API client). */
  provider: C;
  /** The resource or data source type being served, e.g. "portsip_tenant". */
  typeName: string;
}

export interface UpgradeContext<C> extends BaseContext {
  /** Undefined when URS runs before ConfigureProvider (resources must not need the API here). */
  provider: C | undefined;
  typeName: string;
}

export interface ConfigureResult<C> {
  /** Becomes ResourceContext.provider. Ignored when diagnostics contain an error. */
  context?: C;
  diagnostics?: Diagnostic[];
}

export interface ProviderDefinition<C = unknown> {
  /** The provider's type name, e.g. "portsip". Resource type names must start with it plus "_". */
  typeName: string;
  /** The provider block's schema. */
  schema: Schema;
  /** Static checks of the provider block (VPC). Values may be UNKNOWN. */
  validateConfig?(config: ObjectValue, ctx: ValidateContext): Awaitable<Diagnostic[]>;
  /** Build the API client (CP). Config may hold UNKNOWNs when it references other resources. */
  configure(config: ObjectValue, ctx: BaseContext): Promise<ConfigureResult<C>>;
  resources: Record<string, ResourceDefinition<C>>;
  dataSources: Record<string, DataSourceDefinition<C>>;
}

export interface PlanRequest {
  /** Null on create (and on the second, replacement PRC after requires_replace). */
  prior: ObjectValue | null;
  /** Terraform's proposal: config merged with prior for computed attributes (docs/protocol.md "Planned values"). */
  proposed: ObjectValue;
  /** The configuration; write-only values are only here (and in proposed). */
  config: ObjectValue;
  /** prior_private: bytes the last ARC/RR/IRS returned (empty when none). */
  priorPrivate: Buffer;
}

export interface PlanResponse {
  /** The planned new state. Write-only attributes are nulled by the server. */
  planned: ObjectValue;
  /** Attribute paths whose change forces replacement (see plan-helpers.requiresReplace). */
  requiresReplace?: AttributePath[];
  /** Defaults to priorPrivate (echoed). */
  plannedPrivate?: Buffer;
  diagnostics?: Diagnostic[];
}

export type ApplyAction = 'create' | 'update' | 'delete';

export interface ApplyRequest {
  action: ApplyAction;
  /** Null on create. */
  prior: ObjectValue | null;
  /** Null on delete. Write-only attributes are null here: read them from `config`. */
  planned: ObjectValue | null;
  /** Null on delete. */
  config: ObjectValue | null;
  plannedPrivate: Buffer;
}

export interface ApplyResponse {
  /**
   * The new state: null after delete. Every known planned value must come back identical
   * (docs/protocol.md "Planned values"). On a failed create that left an object behind, return it together
   * with the error so Terraform records it (no orphans).
   */
  newState: ObjectValue | null;
  /** Defaults to plannedPrivate (echoed). */
  private?: Buffer;
  diagnostics?: Diagnostic[];
}

export interface ReadRequest {
  current: ObjectValue;
  private: Buffer;
}

export interface ReadResponse {
  /** Null means the object is gone (404): Terraform plans to create it again. */
  newState: ObjectValue | null;
  /** Defaults to the request's private (echoed: an empty response would erase it, docs/protocol.md "Private data"). */
  private?: Buffer;
  diagnostics?: Diagnostic[];
}

export interface ImportResponse {
  /** May hold only the id (others null): Terraform calls read() next, which fills the rest (docs/protocol.md "Import and generated configuration"). */
  state: ObjectValue | null;
  private?: Buffer;
  diagnostics?: Diagnostic[];
}

export interface UpgradeRequest {
  /** The schema version stored in state (lower than schema.version). */
  version: number;
  /** The state's JSON object; numbers keep their exact text (JsonNumber). */
  rawState: JsonValue;
}

export interface UpgradeResponse {
  state: ObjectValue | null;
  diagnostics?: Diagnostic[];
}

export interface ResourceDefinition<C = unknown> {
  schema: Schema;
  /** Static checks (VRC): runs twice per plan, values may be UNKNOWN; must not call the API. */
  validate?(config: ObjectValue, ctx: ValidateContext): Awaitable<Diagnostic[]>;
  plan(req: PlanRequest, ctx: ResourceContext<C>): Promise<PlanResponse>;
  /**
   * A planned destroy (PlanResourceChange with proposed state null; the server claims plan_destroy).
   * Only diagnostics: the planned state of a destroy is always null. Called only in a configured
   * process; absent means nothing to say.
   */
  planDestroy?(req: { prior: ObjectValue; priorPrivate: Buffer }, ctx: ResourceContext<C>): Promise<Diagnostic[]>;
  apply(req: ApplyRequest, ctx: ResourceContext<C>): Promise<ApplyResponse>;
  read(req: ReadRequest, ctx: ResourceContext<C>): Promise<ReadResponse>;
  /** Absent: import is refused with an error diagnostic. */
  importState?(id: string, ctx: ResourceContext<C>): Promise<ImportResponse>;
  /**
   * Only called when the stored version is lower than schema.version. When absent, old state is
   * decoded leniently against the current schema (unknown attributes dropped, missing ones null).
   */
  upgradeState?(req: UpgradeRequest, ctx: UpgradeContext<C>): Promise<UpgradeResponse>;
}

export interface DataSourceReadResponse {
  state: ObjectValue | null;
  diagnostics?: Diagnostic[];
}

export interface DataSourceDefinition<C = unknown> {
  schema: Schema;
  validate?(config: ObjectValue, ctx: ValidateContext): Awaitable<Diagnostic[]>;
  /** Config holds no UNKNOWN here: Terraform defers reading until it is known. */
  read(config: ObjectValue, ctx: ResourceContext<C>): Promise<DataSourceReadResponse>;
}
