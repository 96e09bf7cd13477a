// Plan-time checks across resources: what one provider process sees of a whole plan, so that a
// configuration PortSIP cannot hold fails at `terraform plan`, not half-way through an apply.
//
// 1. Duplicate unique keys (each resource's `unique`, unique-keys.ts): two tenants with one domain, a dealer and an admin
//    user with one name, two transports on one port. Every instance the validate walk counted
//    twice fails (plan-census.ts), so Terraform names each address; a duplicate the validate walk
//    could not see (keys from variables, `count`/`for_each`) fails on the instance planned second.
// 2. A dealer that is deleted or replaced while the PBX still has tenants designated to it that
//    this plan does not destroy. PortSIP's answer to deleting such a dealer is not documented; we
//    follow the emulator's default, a refusal [inferred; docs/emulator.md, `--dealer-delete`].
//    Only a destroy (or replacement) of the tenant counts: Terraform orders it before the
//    dealer's delete (the tenant depended on the dealer in state). A move to another dealer in
//    the same plan does not: it is an update that no longer refers to the old dealer, so Terraform
//    runs it in parallel with the delete, which then fails (seen with Terraform 1.11.4:
//    test/acceptance/plan-checks.test.ts). The tenants' own plans may come before or after the
//    dealer's (Terraform plans independent resources in parallel), so the check waits up to
//    `waitMs` for the missing ones; a tenant whose `dealer_id` refers to the replaced dealer is
//    planned only after it and never arrives, which is right for the same reason.

import type { Diagnostic, ObjectValue } from '../../provider/values';
import type { PlanCensus } from './plan-census';
import type { UniqueKey } from './unique-keys';

const DEFAULT_WAIT_MS = 1500;

/** A tenant designated to a dealer. */
export interface LinkedTenant {
  id: string;
  domain: string;
}

/** Dealer id -> its tenants; undefined when the PBX has too many tenants to read their links one by one. */
export type DealerLinks = Map<string, LinkedTenant[]> | undefined;

/** Validate walk: the key of one resource block goes into this command's census. */
export function recordUniqueKey(census: PlanCensus, uk: UniqueKey | undefined, config: ObjectValue): void {
  const key = uk?.of(config);
  if (uk && key !== undefined) census.record(uk.namespace, key);
}

/** Validate walk: one resource block of a singleton type. */
export function recordSingleton(census: PlanCensus, typeName: string, fixedId: string): void {
  census.record(`singleton ${typeName}`, fixedId);
}

export class PlanLedger {
  /** Unique keys planned in this process -> creates still allowed (1 after a requires_replace: its create PRC follows). */
  private readonly claims = new Map<string, number>();
  /** Tenants this plan destroys (or replaces), by id. */
  private readonly removedTenants = new Set<string>();
  private readonly waiters = new Set<() => void>();
  private links: Promise<DealerLinks> | undefined;

  constructor(
    private readonly census: PlanCensus,
    private readonly waitMs = DEFAULT_WAIT_MS,
  ) {}

  /**
   * Every PlanResourceChange of a resource that is kept (not destroyed): the duplicate check.
   * `replacing`: this plan returned requires_replace, and Terraform sends the replacement's create next.
   */
  planned(typeName: string, uk: UniqueKey | undefined, prior: ObjectValue | null, planned: ObjectValue, replacing: boolean): Diagnostic[] {
    this.noteTenant(typeName, prior, replacing ? null : planned);
    const key = uk?.of(planned);
    if (!uk || key === undefined) return [];
    const k = `${uk.namespace}\0${key}`;
    const seen = this.census.count(uk.namespace, key);
    const allowed = this.claims.get(k);
    this.claims.set(k, replacing ? 1 : 0);
    const what = uk.describe(planned);
    if (seen >= 2)
      return [
        {
          severity: 'error',
          summary: `Duplicate ${uk.namespace}: ${seen} resources have ${what}`,
          detail:
            `${seen} resource blocks in this configuration have ${what}. ${uk.rule} The apply would create the first and fail on the ` +
            `next. Keep one of them, or give each its own value. Each of them fails this plan with this error (see the addresses Terraform names).`,
          path: undefined,
        },
      ];
    // The replacement's own create (prior null) follows its requires_replace: not a second object.
    if (allowed === undefined || (allowed > 0 && prior === null)) return [];
    return [
      {
        severity: 'error',
        summary: `Duplicate ${uk.namespace}: another resource in this plan also has ${what}`,
        detail:
          `Another ${typeName} in this plan (planned before this one) also has ${what}. ${uk.rule} The apply would create the ` +
          `first and fail on the second. Keep one of them, or give each its own value.`,
      },
    ];
  }

  /**
   * A singleton's PlanResourceChange: how many resource blocks of its type this provider
   * configuration declares, when more than one (the validate walk's census), or 2 when this
   * process plans a second instance (`count`/`for_each`); 0 when it is the only one.
   */
  singletonCount(typeName: string, fixedId: string): number {
    const ns = `singleton ${typeName}`;
    const seen = this.census.count(ns, fixedId);
    const k = `${ns}\0${fixedId}`;
    const again = this.claims.has(k);
    this.claims.set(k, 0);
    return seen >= 2 ? seen : again ? 2 : 0;
  }

  /** A PlanResourceChange of a destroy (plan_destroy). */
  destroying(typeName: string, prior: ObjectValue): void {
    this.noteTenant(typeName, prior, null);
  }

  /**
   * A dealer deleted (`kind` "delete") or replaced: an error naming the tenants the PBX still has
   * designated to it that this plan neither removes nor moves; none when there are none.
   */
  async dealerRemoval(
    prior: ObjectValue,
    kind: 'delete' | 'replace',
    readLinks: () => Promise<DealerLinks>,
    signal: AbortSignal,
    because?: string[],
  ): Promise<Diagnostic[]> {
    const dealerId = typeof prior.id === 'string' ? prior.id : undefined;
    if (!dealerId) return [];
    // Read once per process, only when some dealer is deleted or replaced.
    this.links ??= readLinks();
    this.links.catch(() => (this.links = undefined));
    const links = await this.links;
    const name = typeof prior.name === 'string' ? prior.name : dealerId;
    if (!links)
      return [
        {
          severity: 'warning',
          summary: `Tenants of dealer "${name}" not checked`,
          detail:
            `The PBX has too many tenants to read which belong to dealer "${name}" one by one, so this plan does not check them. ` +
            `PortSIP refuses to delete a dealer that still has tenants: make sure it has none before applying.`,
        },
      ];
    const linked = links.get(dealerId) ?? [];
    const staying = () => linked.filter((t) => !this.removedTenants.has(t.id));
    if (staying().length > 0) await this.waitUntil(() => staying().length === 0, signal);
    const left = staying();
    if (left.length === 0) return [];
    const list = left.map((t) => `${t.domain} (id "${t.id}")`).join(', ');
    const n = left.length === 1 ? '1 tenant' : `${left.length} tenants`;
    const them = left.length === 1 ? 'it' : 'them';
    const why =
      kind === 'replace'
        ? ` Terraform replaces the dealer (${(because ?? []).map((a) => `\`${a}\``).join(', ') || 'an attribute that forces replacement'} changed) by deleting it first.`
        : '';
    return [
      {
        severity: 'error',
        summary: `Dealer "${name}" cannot be ${kind === 'replace' ? 'replaced' : 'deleted'}: it still has ${n}`,
        detail:
          `The PBX still has ${n} designated to dealer "${name}" (id "${dealerId}"): ${list}. PortSIP refuses to delete a dealer that ` +
          `still has tenants, and this plan does not destroy ${them}.${why} Moving a tenant to another dealer in the same plan does not help: ` +
          `Terraform does not order that update before the dealer's delete. Move ${them} first in a separate apply (set \`dealer_id\`, ` +
          `or remove ${them} from the dealer in the portal), or destroy ${them} in this plan; then change the dealer.`,
      },
    ];
  }

  private noteTenant(typeName: string, prior: ObjectValue | null, planned: ObjectValue | null): void {
    if (typeName !== 'portsip_tenant' || !prior || typeof prior.id !== 'string' || planned !== null) return;
    this.removedTenants.add(prior.id);
    for (const w of [...this.waiters]) w();
  }

  private waitUntil(done: () => boolean, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
        signal.removeEventListener('abort', finish);
        resolve();
      };
      const check = () => {
        if (done()) finish();
      };
      const timer = setTimeout(finish, this.waitMs);
      this.waiters.add(check);
      signal.addEventListener('abort', finish);
    });
  }
}
