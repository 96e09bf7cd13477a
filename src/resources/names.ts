// How people name each PortSIP object, from the resource declarations (kit/define.ts ResourceMeta):
// the natural key the portal and import use (tenant by domain, transport by PROTOCOL:port, a trunk
// assignment by its two ids) and the type's label. Used by the drift report and guard
// (src/cli/report) and by `portsip export`, so they name objects as the provider's messages do.
// Types of other providers in the same configuration fall back to their address.

import { metaOf } from './index';

/** The label of a resource type ("tenant"); the type itself when unknown. */
export function typeLabel(type: string): string {
  return metaOf(type)?.label ?? type;
}

/** The natural key of an object from its attribute values (a singleton's is its label), or `address` when there is none. */
export function naturalKey(type: string, values: unknown, address: string): string {
  const meta = metaOf(type);
  if (meta?.mode === 'singleton') return meta.label;
  const v = values && typeof values === 'object' ? (values as Record<string, unknown>) : {};
  return meta?.key?.display(v) ?? address;
}
