// Create recovery: a create that neither duplicates nor adopts (docs/client.md "Creates"). PortSIP's
// creates are POSTs that answer {id} and have no idempotency key, so a create is never blindly
// repeated: its natural key is looked up before, and an attempt with an unknown outcome is settled
// by looking it up again. Apart from the retry loop (http.ts) because it is a policy on top of it:
// it calls the loop once per round and decides between the rounds; it needs only a few of the
// client's services (CreateHost), which also keeps it testable without a network.

import {
  AbortedError,
  AlreadyExistsError,
  ConflictError,
  DuplicateCreatedError,
  NetworkError,
  PortsipError,
  ServerError,
  ValidationError,
} from './errors';
import type { HttpMethod, RetryOptions } from './http-options';

/**
 * How a create finds out whether an attempt with an unknown outcome landed (createWithRecovery below).
 * `findIds` lists the ids of every object that has the new object's natural key now.
 */
export interface CreateRecovery {
  findIds(): Promise<string[]>;
  /** The ids that had the key before the create (e.g. from a listing); looked up first when absent. */
  before?: readonly string[];
}

/** What create recovery uses of the HttpClient. */
export interface CreateHost {
  now(): number;
  log(message: string, fields: Record<string, unknown>): void;
  /** Sleeps, or throws AbortedError when the stop signal fires. */
  wait(ms: number, method: string, path: string): Promise<void>;
  /** The per-attempt timeout: how long an unanswered request may still be travelling. */
  readonly requestTimeoutMs: number;
  readonly retry: Required<Pick<RetryOptions, 'budgetMs' | 'maxAttempts' | 'settleMarginMs'>>;
}

/** `(id "a", "b")`: the ids an error names. */
function idList(ids: readonly string[]): string {
  return `(id ${ids.map((i) => `"${i}"`).join(', ')})`;
}

/**
 * A create that neither duplicates nor adopts (docs/client.md "Creates"):
 *  1. the ids carrying the natural key BEFORE the create are known (given, or looked up now); if
 *     there are any, AlreadyExistsError: the object is someone else's, never ours to take over;
 *  2. after an attempt whose outcome is unknown the key is looked up again; only an id that was
 *     not there before is ours. A timeout or reset means the request may still be in flight, so
 *     the look-ups continue (with backoff) for longer than the request timeout before the create
 *     is sent again; after a 5xx answer one look-up suffices (the PBX has finished with it);
 *  3. after a re-sent create succeeds, one more look-up reports extra objects with the key
 *     (DuplicateCreatedError, carrying the id returned and the extras).
 * `attempt` runs the retry loop once (retry class 'create', which never repeats blindly) within the
 * operation's deadline.
 */
export async function createWithRecovery(
  host: CreateHost,
  method: HttpMethod,
  path: string,
  rec: CreateRecovery,
  attempt: (deadline: number) => Promise<{ id: string }>,
): Promise<{ id: string }> {
  const deadline = host.now() + host.retry.budgetMs;
  const before = new Set(rec.before ?? (await rec.findIds()));
  if (before.size > 0)
    throw new AlreadyExistsError({
      message: `${method} ${path}: an object with this natural key already exists ${idList([...before])}`,
      method,
      path,
      existingIds: [...before],
    });
  const ours = async (): Promise<string[]> => (await rec.findIds()).filter((id) => !before.has(id));
  let resent = false;
  for (let round = 1; ; round++) {
    let outcome: { id: string } | PortsipError;
    try {
      outcome = await attempt(deadline);
    } catch (e) {
      if (!(e instanceof PortsipError) || e instanceof AbortedError) throw e;
      outcome = e;
    }
    if (!(outcome instanceof PortsipError)) {
      if (resent) {
        let extra: string[] = [];
        try {
          extra = (await ours()).filter((id) => id !== outcome.id);
        } catch (e) {
          // Ours exists either way; failing the create now would lose its id.
          host.log('create.duplicate_check_failed', { method, path, error: (e as Error).message });
        }
        if (extra.length > 0)
          throw new DuplicateCreatedError({
            message: `${method} ${path}: the create was sent again after an unanswered attempt, and ${extra.length} more object(s) with the same key now exist ${idList(extra)} besides "${outcome.id}"`,
            method,
            path,
            id: outcome.id,
            extraIds: extra,
          });
      }
      return outcome;
    }
    const err = outcome;
    const inFlight = err instanceof NetworkError && err.mayHaveReachedServer;
    const answered = err instanceof ServerError || ((err instanceof ConflictError || err instanceof ValidationError) && resent);
    if (!inFlight && !answered) throw err; // provably not applied, or a plain rejection of the body
    // The outcome is unknown: did it land?
    const found = await settle(host, method, path, ours, inFlight, deadline, err);
    const [first, ...more] = found;
    if (first !== undefined) {
      host.log('create.recovered', { method, path, round, found: found.length });
      if (more.length > 0)
        throw new DuplicateCreatedError({
          message: `${method} ${path}: ${found.length} objects with the same key appeared after unanswered create attempts ${idList(found)}`,
          method,
          path,
          id: first,
          extraIds: more,
        });
      return { id: first };
    }
    if (err instanceof ConflictError || err instanceof ValidationError) throw err;
    if (host.now() >= deadline || round >= host.retry.maxAttempts) throw err;
    host.log('create.resend', { method, path, round: round + 1, reason: err.name });
    resent = true;
  }
}

/**
 * Looks for our object after an attempt with an unknown outcome. `inFlight`: the request may still
 * be travelling or queued on the PBX, so keep looking (1, 2, 4... s) until longer than the request
 * timeout has passed since the failure, or the budget ends. Otherwise one look-up.
 */
async function settle(
  host: CreateHost,
  method: HttpMethod,
  path: string,
  ours: () => Promise<string[]>,
  inFlight: boolean,
  deadline: number,
  cause: PortsipError,
): Promise<string[]> {
  const until = host.now() + (inFlight ? host.requestTimeoutMs + host.retry.settleMarginMs : 0);
  for (let n = 1; ; n++) {
    let found: string[];
    try {
      found = await ours();
    } catch (e) {
      // Without knowing whether the first create landed, sending it again could duplicate it.
      host.log('create.lookup_failed', { method, path, error: (e as Error).message });
      throw cause;
    }
    host.log('create.lookup', { method, path, look: n, found: found.length, reason: cause.name });
    if (found.length > 0 || host.now() >= until) return found;
    const delay = Math.min(1000 * 2 ** (n - 1), Math.max(1, until - host.now()));
    if (host.now() + delay > deadline) return found;
    await host.wait(delay, method, path);
  }
}
