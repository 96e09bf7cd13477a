// The part of Terraform's machine-readable plan (`terraform show -json PLANFILE`, format 1.x) that
// the drift and guard reports read, and the checks that turn a wrong file into a clear error.
// https://developer.hashicorp.com/terraform/internals/json-format describes the whole document.

export type Action = 'no-op' | 'create' | 'read' | 'update' | 'delete' | 'forget';

export interface Change {
  actions: Action[];
  before: unknown;
  after: unknown;
  /** Masks: `true` where the value (or a subtree) is sensitive, mirroring before/after. */
  before_sensitive?: unknown;
  after_sensitive?: unknown;
}

export interface ResourceChange {
  address: string;
  module_address?: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: unknown;
  change: Change;
}

export interface StateResource {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: unknown;
  values?: Record<string, unknown>;
  sensitive_values?: unknown;
}

interface StateModule {
  address?: string;
  resources?: StateResource[];
  child_modules?: StateModule[];
}

export interface PlanJson {
  format_version: string;
  terraform_version?: string;
  resource_drift?: ResourceChange[];
  resource_changes?: ResourceChange[];
  prior_state?: { values?: { root_module?: StateModule } };
  errored?: boolean;
}

/** Parses `terraform show -json` output of a plan; throws naming what is wrong with it. */
export function parsePlanJson(text: string, source: string): PlanJson {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(
      `${source} is not JSON (${e instanceof Error ? e.message : String(e)}); give the output of "terraform show -json PLANFILE"`,
      { cause: e },
    );
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${source} is not a Terraform plan JSON object`);
  const plan = doc as Record<string, unknown>;
  if (typeof plan.format_version !== 'string' || !/^1\./.test(plan.format_version)) {
    throw new Error(
      `${source} has format_version ${JSON.stringify(plan.format_version)}; expected a Terraform plan JSON document (format 1.x)`,
    );
  }
  if (!('planned_values' in plan) && !('resource_changes' in plan) && !('resource_drift' in plan) && !('prior_state' in plan)) {
    // `terraform show -json` without a plan file prints the state, which has no plan sections.
    throw new Error(`${source} looks like a state, not a plan: give "terraform show -json PLANFILE" of a saved plan`);
  }
  for (const k of ['resource_drift', 'resource_changes'] as const) {
    if (plan[k] !== undefined && !Array.isArray(plan[k])) throw new Error(`${source}: "${k}" must be an array`);
  }
  if (plan.errored === true) throw new Error(`${source} is the plan of a failed terraform run ("errored": true)`);
  return plan as unknown as PlanJson;
}

/** Every managed resource instance in the plan's prior state (root and child modules). */
export function priorManaged(plan: PlanJson): StateResource[] {
  const out: StateResource[] = [];
  const walk = (m: StateModule | undefined) => {
    if (!m) return;
    for (const r of m.resources ?? []) if (r.mode === 'managed') out.push(r);
    for (const c of m.child_modules ?? []) walk(c);
  };
  walk(plan.prior_state?.values?.root_module);
  return out;
}
