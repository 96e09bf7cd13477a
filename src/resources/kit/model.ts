// The mapping functions a resource's model.ts would otherwise write out one by one: its schema and
// field rules (common/mapping.ts) bound once, typed with the client's types for the API object (A),
// the create body (C) and the update body (U). A model keeps its own function where it does more
// (tenant webhook secrets, trunk assignment bodies, profile accounts) and takes the rest from here.

import type { Block } from '../../provider/schema';
import type { ObjectValue, Value } from '../../provider/values';
import {
  apiToState,
  asBody,
  keepPriorSpelling,
  semanticallyEqualAt,
  statePatch,
  stateToBody,
  type ApiObject,
  type FieldRules,
  type ToStateOptions,
} from '../common/mapping';
import { adoptPatch, resetPatch, singletonToState } from '../common/singleton';

/** A patch body (only what changed) as the operation's request type, or null when nothing changed. */
const patchAs = <U extends object>(body: ApiObject | null): U | null => (body === null ? null : asBody<U>(body));

export function fieldModel<A extends ApiObject, C extends object = ApiObject, U extends object = ApiObject>(
  block: Block,
  rules: FieldRules,
) {
  return {
    /** API object -> state (docs/protocol.md "Planned values": every key, prior spellings kept). */
    toState: (api: A | ApiObject, prior: ObjectValue | null, opts: ToStateOptions = {}): ObjectValue =>
      apiToState(block, rules, api, prior, opts),
    /** The create body: null and unknown values left out, so server defaults apply. */
    toCreateBody: (planned: ObjectValue): C => stateToBody<C>(block, rules, planned),
    /** The update body with only what changed, or null. */
    toUpdatePatch: (prior: ObjectValue, planned: ObjectValue): U | null => patchAs<U>(statePatch(block, rules, prior, planned)),
    semanticallyEqual: (attr: string, a: Value, b: Value): boolean => semanticallyEqualAt(block, rules, attr, a, b),
    keepPriorSpelling: (planned: ObjectValue, prior: ObjectValue | null): ObjectValue => keepPriorSpelling(block, rules, planned, prior),
  };
}

/** A settings singleton's model (common/singleton.ts): state with the fixed id, the adopting create, the reset to `defaults`. */
export function settingsModel<A extends ApiObject, U extends object>(
  block: Block,
  rules: FieldRules,
  fixedId: string,
  defaults: Readonly<Record<string, Value>>,
) {
  return {
    ...fieldModel<A, U, U>(block, rules),
    toState: (api: A | ApiObject, prior: ObjectValue | null, opts: ToStateOptions = {}): ObjectValue =>
      singletonToState(block, rules, fixedId, api, prior, opts),
    /** The adopting create: the configured attributes that differ from `live`, or null. */
    toCreatePatch: (live: A | ApiObject, planned: ObjectValue): U | null => patchAs<U>(adoptPatch(block, rules, fixedId, live, planned)),
    /** `reset_on_destroy`: the documented defaults the live object does not have, or null. */
    toResetPatch: (live?: A | ApiObject | null): U | null => patchAs<U>(resetPatch(block, rules, defaults, live ?? null)),
  };
}
