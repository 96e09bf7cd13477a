// IP allow/deny rules: /ip_filters (docs/portsip-api.md Ops 23-27). The path is `ip_filters`, not `ip_rules`.

import type { CreateRecovery, HttpClient } from '../http';
import type { Created, IpRule, IpRuleCreate, IpRuleSummary, IpRuleUpdate } from '../types';
import { Collection, idsOf, odata, seg } from './common';

/** Canonical form for comparing CIDRs: lower-case (IPv6), no spaces. Host bits are kept as sent. */
const cidrKey = (c: string): string => c.trim().toLowerCase();

export class IpRulesApi extends Collection<IpRuleSummary> {
  constructor(http: HttpClient) {
    super(http, '/ip_filters');
  }

  get(id: string): Promise<IpRule> {
    return this.http.request<IpRule>('GET', `/ip_filters/${seg(id)}`);
  }

  /** Op 24: answers **200** {id}, not 201 (C1). Natural key `cidr`: an unanswered attempt is settled by look-up (http.ts "create"). */
  create(body: IpRuleCreate, recovery?: Partial<CreateRecovery>): Promise<Created> {
    return this.http.request<Created>('POST', '/ip_filters', {
      body,
      retry: 'create',
      createRecovery: {
        findIds: async () =>
          idsOf(
            await this.findAll(`cidr eq ${odata(body.cidr)}`, (r) => typeof r.cidr === 'string' && cidrKey(r.cidr) === cidrKey(body.cidr)),
          ),
        ...recovery,
      },
    });
  }

  update(id: string, patch: IpRuleUpdate): Promise<void> {
    return this.http.request<void>('POST', `/ip_filters/${seg(id)}`, { body: patch, retry: 'idempotent' });
  }

  /**
   * Op 27: 204. The only documented error is 400 "Invalid rule ID supplied." (C1), so on a retry
   * after an ambiguous attempt both 400 and 404 mean the rule is already gone.
   */
  delete(id: string): Promise<void> {
    return this.http.request<void>('POST', `/ip_filters/${seg(id)}/destroy`, { retry: 'destroy', goneStatuses: [404, 400] });
  }

  /** `GET /ip_filters/export`: an application/octet-stream file (C1); needs SystemSettings.FullAccess (C2). */
  export(): Promise<Buffer> {
    return this.http.request<Buffer>('GET', '/ip_filters/export', { responseType: 'buffer' });
  }

  /** Natural key: cidr (+ target when given). */
  findByCidr(cidr: string, target?: 'ACCEPT' | 'DENY'): Promise<IpRuleSummary | undefined> {
    const filter = `cidr eq ${odata(cidr)}` + (target ? ` and target eq ${odata(target)}` : '');
    return this.findOne(
      filter,
      (r) => typeof r.cidr === 'string' && cidrKey(r.cidr) === cidrKey(cidr) && (target === undefined || r.target === target),
    );
  }
}
