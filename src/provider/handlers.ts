// The RPC implementations, on plain request/response objects typed by the generated tfplugin6
// messages (src/provider/gen/tfplugin6.ts: snake_case field names, docs/protocol.md "Messages in
// TypeScript"), independent of gRPC so they can be unit-tested directly. Here the server does the
// protocol work so resources don't have to (docs/protocol.md "Launches per command", "Import and generated configuration"):
//  - decode/encode every DynamicValue against the schema (exact keys, unknowns, numbers);
//  - URS with an unchanged schema version hands raw_state.json back untouched (docs/protocol.md "JSON state and UpgradeResourceState");
//  - private data is echoed through RR/PRC/ARC when a resource returns none (docs/protocol.md "Private data");
//  - write-only attributes are nulled in every planned/new/read/imported state (docs/protocol.md "Write-only attributes");
//  - unknowns left in a new state become null plus an error, so the object is still recorded;
//  - thrown errors become error diagnostics; the process never crashes on a request;
//  - every RPC Terraform 1.11.4 may call answers cleanly, supported or not (docs/protocol.md "Launches per command").

import { decodeJsonObject, parseJsonExact } from './codec/json';
import { CodecError, decodeMsgpackObject, encodeMsgpackObject } from './codec/msgpack';
import type {
  ApplyAction,
  BaseContext,
  ClientCapabilities,
  ProviderDefinition,
  ResourceContext,
  UpgradeContext,
  ValidateContext,
} from './definition';
import { diagnosticsFromError, errorDiagnostic, hasErrors, pathToProto, toProtoDiagnostics, warningDiagnostic } from './diagnostics';
import type * as tf from './gen/tfplugin6';
import { createLogger, type Logger } from './logger';
import { findAttributePaths, hasDeprecated, hasWriteOnly, nullWriteOnly, writeOnlyValuePaths } from './plan-helpers';
import { ProviderRegistry, schemaToProto, validateDefinition } from './registry';
import type { Block } from './schema';
import { BigNum, UNKNOWN, containsUnknown, type Diagnostic, type ObjectValue, type Value } from './values';

/** A method of the tfplugin6.Provider service, e.g. "PlanResourceChange". */
export type ProviderMethod = keyof tf.ProviderService;
export type RequestOf<M extends ProviderMethod> = tf.ProviderService[M]['request'];
export type ResponseOf<M extends ProviderMethod> = tf.ProviderService[M]['response'];
/** One RPC: the decoded request in, the response to encode out. */
export type RpcHandler<M extends ProviderMethod> = (req: RequestOf<M>) => Promise<ResponseOf<M>>;
/** Every method of the service, each with its own request and response type. */
export type ProviderHandlerTable = { [M in ProviderMethod]: RpcHandler<M> };

/** The methods whose response carries `diagnostics` (all but StopProvider and CallFunction). */
type DiagnosticsMethod = {
  [M in ProviderMethod]: ResponseOf<M> extends { diagnostics?: tf.Diagnostic[] } ? M : never;
}[ProviderMethod];

export interface ProviderHandlers {
  handlers: ProviderHandlerTable;
  /** Aborted by StopProvider. */
  signal: AbortSignal;
}

export interface HandlerOptions {
  logger?: Logger;
}

const EMPTY = Buffer.alloc(0);

function toBuffer(b: Uint8Array | null | undefined): Buffer {
  if (!b || b.length === 0) return EMPTY;
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/** Decode a DynamicValue: Terraform always sends msgpack; json is accepted too (docs/protocol.md "JSON state and UpgradeResourceState"). */
export function decodeDynamic(block: Block, dv: tf.DynamicValue | null | undefined): ObjectValue | null {
  if (!dv) return null;
  if (dv.msgpack && dv.msgpack.length > 0) return decodeMsgpackObject(block, dv.msgpack);
  if (dv.json && dv.json.length > 0) return decodeJsonObject(block, dv.json);
  return null;
}

export function encodeDynamic(block: Block, v: ObjectValue | null): tf.DynamicValue {
  return { msgpack: encodeMsgpackObject(block, v) };
}

function unknownsToNull(v: Value): Value {
  if (v === UNKNOWN) return null;
  if (Array.isArray(v)) return v.map(unknownsToNull);
  if (v !== null && typeof v === 'object' && !(v instanceof BigNum)) {
    const out: ObjectValue = {};
    for (const [k, x] of Object.entries(v)) out[k] = unknownsToNull(x);
    return out;
  }
  return v;
}

/**
 * The last step before a state goes back to Terraform: write-only values nulled (docs/protocol.md "Write-only attributes"), and
 * unknowns (which Terraform rejects in any stored state, docs/protocol.md "Planned values") replaced by null with an error, so
 * that at least the object is recorded rather than lost.
 */
function finalizeState(block: Block, state: ObjectValue | null, diags: Diagnostic[], what: string): ObjectValue | null {
  let out = nullWriteOnly(block, state);
  if (out && containsUnknown(out)) {
    if (!hasErrors(diags)) {
      diags.push(
        errorDiagnostic('Provider returned an incomplete object', `${what} left some values unknown. This is a bug in the provider.`),
      );
    }
    out = unknownsToNull(out) as ObjectValue;
  }
  return out;
}

/** The four possible capability sets, shared: a context built for one can be reused (resourceCtx). */
const CAPABILITIES: readonly ClientCapabilities[] = [false, true].flatMap((deferralAllowed) =>
  [false, true].map((writeOnlyAllowed) => Object.freeze({ deferralAllowed, writeOnlyAllowed })),
);

function capabilities(c: tf.ClientCapabilities | null | undefined, fallback: ClientCapabilities): ClientCapabilities {
  if (!c) return fallback;
  return CAPABILITIES[(c.deferral_allowed ? 2 : 0) + (c.write_only_attributes_allowed ? 1 : 0)]!;
}

export function createProviderHandlers<C>(def: ProviderDefinition<C>, opts: HandlerOptions = {}): ProviderHandlers {
  const registry = new ProviderRegistry(def);
  const logger = opts.logger ?? createLogger();
  const stop = new AbortController();
  let configured = false;
  let providerContext: C | undefined;
  let terraformVersion: string | undefined;
  // ARC carries no client_capabilities: reuse what ConfigureProvider said.
  let lastCaps: ClientCapabilities = CAPABILITIES[0]!;
  let gpsCache: tf.GetProviderSchema_Response | undefined;

  // One logger per type name, made on first use: a new one per call was measurable in a plan.
  const typeLoggers = new Map<string, Logger>();
  const loggerFor = (typeName: string | undefined): Logger => {
    if (!typeName) return logger;
    let l = typeLoggers.get(typeName);
    if (!l) typeLoggers.set(typeName, (l = logger.with({ tf_resource_type: typeName })));
    return l;
  };

  const base = (caps: ClientCapabilities, typeName?: string): BaseContext => ({
    signal: stop.signal,
    logger: loggerFor(typeName),
    clientCapabilities: caps,
    terraformVersion,
  });

  // One context per resource type and capability set, built on first use (PlanResourceChange and
  // ReadResource ask for one per object); ConfigureProvider, which sets what they carry, empties it.
  const contexts = new Map<ClientCapabilities, Map<string, ResourceContext<C>>>();
  const resourceCtx = (typeName: string, caps: ClientCapabilities): ResourceContext<C> => {
    if (!configured) {
      // Terraform always calls ConfigureProvider before CRUD calls in a process (docs/protocol.md "Launches per command"); reaching here
      // means it failed or was skipped, and resources must not run without their API client.
      throw new NotConfiguredError();
    }
    let byType = contexts.get(caps);
    if (!byType) contexts.set(caps, (byType = new Map<string, ResourceContext<C>>()));
    let ctx = byType.get(typeName);
    if (!ctx) byType.set(typeName, (ctx = { ...base(caps, typeName), provider: providerContext as C, typeName }));
    return ctx;
  };

  const unknownType = (kind: string, typeName: string | undefined): { diagnostics: tf.Diagnostic[] } => ({
    diagnostics: toProtoDiagnostics([errorDiagnostic(`Unknown ${kind} type`, `This provider has no ${kind} type "${typeName ?? ''}".`)]),
  });

  function rpc<M extends DiagnosticsMethod>(name: M, fn: (req: RequestOf<M>) => Promise<ResponseOf<M>> | ResponseOf<M>): RpcHandler<M> {
    return async (req) => {
      const t0 = performance.now();
      const typeName = 'type_name' in req && typeof req.type_name === 'string' && req.type_name ? req.type_name : undefined;
      try {
        const res = await fn(req);
        logger.debug(`${name} done`, { tf_rpc: name, tf_resource_type: typeName, duration_ms: Math.round(performance.now() - t0) });
        return res;
      } catch (e) {
        const summary =
          e instanceof NotConfiguredError
            ? 'Provider not configured'
            : e instanceof CodecError
              ? `${name}: cannot decode or encode a value`
              : `${name} failed`;
        logger.error(`${name} failed`, {
          tf_rpc: name,
          tf_resource_type: typeName,
          error: e instanceof Error ? (e.stack ?? e.message) : String(e),
        });
        return { diagnostics: toProtoDiagnostics(diagnosticsFromError(e, summary)) };
      }
    };
  }

  const diagsOut = (ds: Diagnostic[] | undefined): tf.Diagnostic[] => toProtoDiagnostics(ds);

  /** Generic VRC checks: write-only values when Terraform cannot handle them; deprecated attributes. */
  function genericConfigChecks(block: Block, config: ObjectValue | null, caps: ClientCapabilities | null): Diagnostic[] {
    const out: Diagnostic[] = [];
    if (!config) return out;
    if (caps && !caps.writeOnlyAllowed && hasWriteOnly(block)) {
      for (const path of writeOnlyValuePaths(block, config)) {
        out.push(
          errorDiagnostic(
            'Write-only attribute not supported',
            'This Terraform version cannot handle write-only attributes (Terraform 1.11 or later is required); the value would be stored in state.',
            path,
          ),
        );
      }
    }
    // Terraform 1.11.4 prints no warning for a deprecated attribute set in config (docs/protocol.md "Rules for schemas").
    if (!hasDeprecated(block)) return out;
    for (const path of findAttributePaths(block, config, (a) => !!a.deprecated)) {
      const v = path.reduce<Value | undefined>((acc, step) => {
        if (acc === null || acc === undefined || typeof acc !== 'object') return undefined;
        const key = typeof step === 'object' ? step.key : step;
        return (acc as Record<string | number, Value>)[key];
      }, config as Value);
      if (v === UNKNOWN || v === null || v === undefined) continue;
      out.push(
        warningDiagnostic(
          'Deprecated attribute',
          `"${path.filter((s) => typeof s === 'string').join('.')}" is deprecated; see the provider documentation.`,
          path,
        ),
      );
    }
    return out;
  }

  const handlers: ProviderHandlerTable = {
    GetMetadata: rpc('GetMetadata', () => ({
      server_capabilities: serverCapabilities(),
      diagnostics: [],
      resources: registry.resourceTypes.map((type_name) => ({ type_name })),
      data_sources: registry.dataSourceTypes.map((type_name) => ({ type_name })),
    })),

    GetProviderSchema: rpc('GetProviderSchema', () => {
      if (gpsCache) return gpsCache;
      const resource_schemas: Record<string, tf.Schema> = {};
      for (const [n, r] of Object.entries(def.resources)) resource_schemas[n] = schemaToProto(r.schema);
      const data_source_schemas: Record<string, tf.Schema> = {};
      for (const [n, d] of Object.entries(def.dataSources)) data_source_schemas[n] = schemaToProto(d.schema);
      const problems = validateDefinition(def);
      gpsCache = {
        provider: schemaToProto(def.schema),
        resource_schemas,
        data_source_schemas,
        ephemeral_resource_schemas: {},
        server_capabilities: serverCapabilities(),
        diagnostics: diagsOut(problems.map((p) => errorDiagnostic('Invalid provider schema', `${p}. This is a bug in the provider.`))),
      };
      return gpsCache;
    }),

    ValidateProviderConfig: rpc('ValidateProviderConfig', async (req) => {
      const config = decodeDynamic(def.schema.block, req.config);
      const diags = genericConfigChecks(def.schema.block, config, null);
      if (config && def.validateConfig) diags.push(...((await def.validateConfig(config, base(lastCaps))) ?? []));
      return { diagnostics: diagsOut(diags) };
    }),

    ValidateResourceConfig: rpc('ValidateResourceConfig', async (req) => {
      const typeName = req.type_name ?? '';
      const res = registry.resource(typeName);
      if (!res) return unknownType('resource', typeName);
      const caps = capabilities(req.client_capabilities, { writeOnlyAllowed: false, deferralAllowed: false });
      const config = decodeDynamic(res.schema.block, req.config);
      const diags = genericConfigChecks(res.schema.block, config, caps);
      const ctx: ValidateContext = base(caps, typeName);
      if (config && res.validate) diags.push(...((await res.validate(config, ctx)) ?? []));
      return { diagnostics: diagsOut(diags) };
    }),

    ValidateDataResourceConfig: rpc('ValidateDataResourceConfig', async (req) => {
      const typeName = req.type_name ?? '';
      const ds = registry.dataSource(typeName);
      if (!ds) return unknownType('data source', typeName);
      const config = decodeDynamic(ds.schema.block, req.config);
      const diags = genericConfigChecks(ds.schema.block, config, null);
      if (config && ds.validate) diags.push(...((await ds.validate(config, base(lastCaps, typeName))) ?? []));
      return { diagnostics: diagsOut(diags) };
    }),

    UpgradeResourceState: rpc('UpgradeResourceState', async (req) => {
      const typeName = req.type_name ?? '';
      const res = registry.resource(typeName);
      if (!res) return unknownType('resource', typeName);
      const version = Number(req.version ?? 0);
      const current = res.schema.version;
      const raw = toBuffer(req.raw_state?.json);
      if (raw.length === 0) {
        const flat = req.raw_state?.flatmap && Object.keys(req.raw_state.flatmap).length > 0;
        if (flat)
          return {
            diagnostics: diagsOut([
              errorDiagnostic(
                'Unsupported state format',
                'This resource was stored in the pre-0.12 flatmap format, which this provider cannot read. Remove it from state and import it again.',
              ),
            ]),
          };
        return { upgraded_state: encodeDynamic(res.schema.block, null), diagnostics: [] };
      }
      if (version > current) {
        return {
          diagnostics: diagsOut([
            errorDiagnostic(
              'Resource instance managed by a newer provider version',
              `The state was written with schema version ${version}; this provider knows version ${current}. Upgrade the provider.`,
            ),
          ]),
        };
      }
      if (version === current) {
        // Hand the JSON back untouched: complete, and never re-encodes dynamic values or big
        // numbers (docs/protocol.md "JSON state and UpgradeResourceState"; a re-encode broke on a dynamic attribute in the notes' experiment).
        return { upgraded_state: { json: raw }, diagnostics: [] };
      }
      const diags: Diagnostic[] = [];
      let state: ObjectValue | null;
      if (res.upgradeState) {
        const ctx: UpgradeContext<C> = { ...base(lastCaps, typeName), provider: providerContext, typeName: typeName };
        const out = await res.upgradeState({ version, rawState: parseJsonExact(raw.toString('utf8')) }, ctx);
        diags.push(...(out.diagnostics ?? []));
        state = out.state;
      } else {
        state = decodeJsonObject(res.schema.block, raw);
      }
      state = finalizeState(res.schema.block, state, diags, 'UpgradeResourceState');
      return { upgraded_state: encodeDynamic(res.schema.block, state), diagnostics: diagsOut(diags) };
    }),

    ConfigureProvider: rpc('ConfigureProvider', async (req) => {
      terraformVersion = req.terraform_version || undefined;
      contexts.clear();
      lastCaps = capabilities(req.client_capabilities, lastCaps);
      const config = decodeDynamic(def.schema.block, req.config) ?? {};
      const out = await def.configure(config, base(lastCaps));
      const diags = out.diagnostics ?? [];
      if (!hasErrors(diags)) {
        providerContext = out.context;
        configured = true;
      }
      return { diagnostics: diagsOut(diags) };
    }),

    ReadResource: rpc('ReadResource', async (req) => {
      const typeName = req.type_name ?? '';
      const res = registry.resource(typeName);
      if (!res) return unknownType('resource', typeName);
      const caps = capabilities(req.client_capabilities, lastCaps);
      const block = res.schema.block;
      const current = decodeDynamic(block, req.current_state);
      const priv = toBuffer(req.private);
      if (!current) return { new_state: encodeDynamic(block, null), private: priv, diagnostics: [] };
      const out = await res.read({ current, private: priv }, resourceCtx(typeName, caps));
      const diags = [...(out.diagnostics ?? [])];
      const state = finalizeState(block, out.newState, diags, 'ReadResource');
      return { new_state: encodeDynamic(block, state), private: out.private ?? priv, diagnostics: diagsOut(diags) };
    }),

    PlanResourceChange: rpc('PlanResourceChange', async (req) => {
      const typeName = req.type_name ?? '';
      const res = registry.resource(typeName);
      if (!res) return unknownType('resource', typeName);
      const caps = capabilities(req.client_capabilities, lastCaps);
      const block = res.schema.block;
      const prior = decodeDynamic(block, req.prior_state);
      const proposed = decodeDynamic(block, req.proposed_new_state);
      const config = decodeDynamic(block, req.config);
      const priorPrivate = toBuffer(req.prior_private);
      if (!proposed || !config) {
        // A planned destroy (we claim plan_destroy): the planned state is null; the resource may
        // only add diagnostics. `terraform destroy` plans in a launch that may not configure the
        // provider (docs/protocol.md "Processes of a command"): then there is nothing to ask.
        const diags =
          prior && res.planDestroy && configured ? await res.planDestroy({ prior, priorPrivate }, resourceCtx(typeName, caps)) : [];
        return { planned_state: encodeDynamic(block, null), planned_private: priorPrivate, diagnostics: diagsOut(diags) };
      }
      const out = await res.plan({ prior, proposed, config, priorPrivate }, resourceCtx(typeName, caps));
      const diags = out.diagnostics ?? [];
      // Write-only values must be null in the plan, or Terraform rejects it (docs/protocol.md "Write-only attributes").
      const planned = nullWriteOnly(block, out.planned ?? null);
      const response: tf.PlanResourceChange_Response = {
        planned_state: encodeDynamic(block, planned),
        requires_replace: (out.requiresReplace ?? []).map(pathToProto),
        planned_private: out.plannedPrivate ?? priorPrivate,
        diagnostics: diagsOut(diags),
      };
      return response;
    }),

    ApplyResourceChange: rpc('ApplyResourceChange', async (req) => {
      const typeName = req.type_name ?? '';
      const res = registry.resource(typeName);
      if (!res) return unknownType('resource', typeName);
      const block = res.schema.block;
      const prior = decodeDynamic(block, req.prior_state);
      const planned = decodeDynamic(block, req.planned_state);
      const config = decodeDynamic(block, req.config);
      const plannedPrivate = toBuffer(req.planned_private);
      const action: ApplyAction = planned === null ? 'delete' : prior === null ? 'create' : 'update';
      const out = await res.apply({ action, prior, planned, config, plannedPrivate }, resourceCtx(typeName, lastCaps));
      const diags = [...(out.diagnostics ?? [])];
      const newState =
        action === 'delete' && out.newState === undefined ? null : finalizeState(block, out.newState ?? null, diags, 'ApplyResourceChange');
      return { new_state: encodeDynamic(block, newState), private: out.private ?? plannedPrivate, diagnostics: diagsOut(diags) };
    }),

    ImportResourceState: rpc('ImportResourceState', async (req) => {
      const typeName = req.type_name ?? '';
      const res = registry.resource(typeName);
      if (!res) return unknownType('resource', typeName);
      if (!res.importState) {
        return { diagnostics: diagsOut([errorDiagnostic('Import not supported', `Resource type "${typeName}" cannot be imported.`)]) };
      }
      const caps = capabilities(req.client_capabilities, lastCaps);
      const out = await res.importState(String(req.id ?? ''), resourceCtx(typeName, caps));
      const diags = [...(out.diagnostics ?? [])];
      const state = finalizeState(res.schema.block, out.state, diags, 'ImportResourceState');
      if (hasErrors(diags) || !state) return { imported_resources: [], diagnostics: diagsOut(diags) };
      return {
        imported_resources: [{ type_name: typeName, state: encodeDynamic(res.schema.block, state), private: out.private ?? EMPTY }],
        diagnostics: diagsOut(diags),
      };
    }),

    MoveResourceState: rpc('MoveResourceState', (req) => ({
      diagnostics: diagsOut([
        errorDiagnostic(
          'Move not supported',
          `This provider cannot move "${req.source_type_name ?? ''}" state into "${req.target_type_name ?? ''}". Use import instead.`,
        ),
      ]),
    })),

    ReadDataSource: rpc('ReadDataSource', async (req) => {
      const typeName = req.type_name ?? '';
      const ds = registry.dataSource(typeName);
      if (!ds) return unknownType('data source', typeName);
      const caps = capabilities(req.client_capabilities, lastCaps);
      const block = ds.schema.block;
      const config = decodeDynamic(block, req.config) ?? {};
      const out = await ds.read(config, resourceCtx(typeName, caps));
      const diags = [...(out.diagnostics ?? [])];
      if (!out.state) {
        if (!hasErrors(diags))
          diags.push(
            errorDiagnostic(
              'Data source returned no state',
              `${typeName} returned neither a value nor an error. This is a bug in the provider.`,
            ),
          );
        return { diagnostics: diagsOut(diags) };
      }
      const state = finalizeState(block, out.state, diags, 'ReadDataSource');
      return { state: encodeDynamic(block, state), diagnostics: diagsOut(diags) };
    }),

    StopProvider: async () => {
      // Ctrl-C: Terraform calls this while an apply is in flight, then waits for it (docs/protocol.md "Ctrl-C and StopProvider").
      logger.info('StopProvider: aborting in-flight work');
      if (!stop.signal.aborted) stop.abort(new Error('Terraform asked the provider to stop'));
      return {};
    },

    GetFunctions: rpc('GetFunctions', () => ({ diagnostics: [] })),

    CallFunction: async (req) => ({ error: { text: `This provider declares no functions (called "${req.name ?? ''}").` } }),

    ValidateEphemeralResourceConfig: rpc('ValidateEphemeralResourceConfig', (req) => unknownType('ephemeral resource', req.type_name)),
    OpenEphemeralResource: rpc('OpenEphemeralResource', (req) => unknownType('ephemeral resource', req.type_name)),
    RenewEphemeralResource: rpc('RenewEphemeralResource', (req) => unknownType('ephemeral resource', req.type_name)),
    CloseEphemeralResource: rpc('CloseEphemeralResource', (req) => unknownType('ephemeral resource', req.type_name)),

    GetResourceIdentitySchemas: rpc('GetResourceIdentitySchemas', () => ({ diagnostics: [] })),
  };

  return { handlers, signal: stop.signal };
}

function serverCapabilities(): tf.ServerCapabilities {
  // get_provider_schema_optional: later launches skip GPS (docs/protocol.md "Launches per command"), so each process starts faster.
  // plan_destroy: a destroy is planned through us too, so a resource can refuse one that cannot
  // succeed (a dealer with tenants) or warn about what it does (a settings object only forgotten).
  return { plan_destroy: true, get_provider_schema_optional: true, move_resource_state: false };
}

class NotConfiguredError extends Error {
  constructor() {
    super('ConfigureProvider has not succeeded in this provider process, so resources cannot reach the API.');
  }
}
