// SIP transports: /transports (docs/portsip-api.md Ops 28-33).

import type { CreateRecovery, HttpClient } from '../http';
import type { Created, Transport, TransportCreate, TransportStatus, TransportSummary, TransportUpdate } from '../types';
import { Collection, idsOf, odata, seg } from './common';

export class TransportsApi extends Collection<TransportSummary> {
  constructor(http: HttpClient) {
    super(http, '/transports');
  }

  get(id: string): Promise<Transport> {
    return this.http.request<Transport>('GET', `/transports/${seg(id)}`);
  }

  /** Op 29: 201 {id}. Natural key protocol+port: an unanswered attempt is settled by look-up (http.ts "create"). */
  create(body: TransportCreate, recovery?: Partial<CreateRecovery>): Promise<Created> {
    return this.http.request<Created>('POST', '/transports', {
      body,
      retry: 'create',
      createRecovery: {
        findIds: async () =>
          idsOf(await this.findAll(protocolPortFilter(body.protocol, body.port), sameProtocolPort(body.protocol, body.port))),
        ...recovery,
      },
    });
  }

  /** Op 31: only `port` and `verification`; `protocol` is fixed (C1). */
  update(id: string, patch: TransportUpdate): Promise<void> {
    return this.http.request<void>('POST', `/transports/${seg(id)}`, { body: patch, retry: 'idempotent' });
  }

  /** Op 32: 204. The PBX keeps at least one transport (C9). */
  delete(id: string): Promise<void> {
    return this.http.request<void>('POST', `/transports/${seg(id)}/destroy`, { retry: 'destroy' });
  }

  /**
   * Op 33. The path parameter is named `id` but C1 types it as the protocol enum and the 22.3
   * reference describes only "The transport protocol": the status is asked per protocol.
   */
  status(protocol: string): Promise<TransportStatus> {
    const p = protocol.toUpperCase();
    if (p !== 'UDP' && p !== 'TCP' && p !== 'TLS')
      throw new TypeError(`transport status takes a protocol (UDP, TCP or TLS), not ${JSON.stringify(protocol)}`);
    return this.http.request<TransportStatus>('GET', `/transports/${seg(p)}/status`);
  }

  /** Natural key: protocol (case-insensitive) + port. */
  findByProtocolPort(protocol: string, port: number): Promise<TransportSummary | undefined> {
    return this.findOne(protocolPortFilter(protocol, port), sameProtocolPort(protocol, port));
  }
}

const protocolPortFilter = (protocol: string, port: number): string =>
  `protocol eq ${odata(protocol.toUpperCase())} and port eq ${Number(port)}`;
const sameProtocolPort =
  (protocol: string, port: number) =>
  (t: TransportSummary): boolean =>
    typeof t.protocol === 'string' && t.protocol.toUpperCase() === protocol.toUpperCase() && t.port === port;
