// data.portsip_ip_rules: list items -> state, and the query the config asks for.

import type { ObjectValue } from '../../provider/values';
import { fromApiValue, type ApiObject } from '../../resources/common/mapping';
import { IP_RULE_ITEM_TYPE } from './schema';

/** The list query: `filter` passed through, AND-ed with `target eq '<target>'` when given. */
export function toQuery(config: ObjectValue): { filter?: string } {
  const parts: string[] = [];
  if (typeof config.filter === 'string' && config.filter.trim() !== '') parts.push(config.target ? `(${config.filter})` : config.filter);
  if (typeof config.target === 'string') parts.push(`target eq '${config.target}'`);
  return parts.length ? { filter: parts.join(' and ') } : {};
}

/** A stable id for the query. */
export function queryId(config: ObjectValue): string {
  const f = typeof config.filter === 'string' ? config.filter : '';
  const t = typeof config.target === 'string' ? config.target : '';
  return f === '' && t === '' ? 'all' : `filter=${f};target=${t}`;
}

/**
 * State from the listed items. `target` is also applied here, so a server that ignores `filter`
 * still yields the right rules.
 */
export function toState(items: readonly ApiObject[], config: ObjectValue): ObjectValue {
  const t = typeof config.target === 'string' ? config.target : null;
  const rules = items.filter((i) => t === null || i.target === t).map((i) => fromApiValue(i, IP_RULE_ITEM_TYPE));
  return { id: queryId(config), filter: config.filter ?? null, target: config.target ?? null, rules };
}
