// The create journal: what this provider set out to create, so that an apply interrupted between a
// create reaching the PBX and Terraform saving the state (kill -9 of terraform or of the provider,
// a crash, a lost network) converges on the next plain `terraform apply` without import blocks.
//
// File: <working dir>/.terraform/portsip-create-journal.jsonl (TF_DATA_DIR moves `.terraform`;
// Terraform runs the provider in the working directory, docs/protocol.md "Handshake"). One JSON object per
// line, appended with O_APPEND, so concurrent creates of one process and a torn last line after a
// kill are both harmless:
//   {"op":"intent","type":"portsip_ip_rule","key":"10.0.0.0/16","hash":"…","at":"…"}   before the POST
//   {"op":"created", … ,"id":"…"}                                                           after it answered
//   {"op":"done","type":…,"key":…,"id":"…"}                                                 see below
//
// "Done" means Terraform has the object in its state, which the provider cannot see when it answers
// ApplyResourceChange: Terraform writes the state after that, and a kill in between loses it. So an
// entry is closed when a LATER Terraform command reads the object from state (ReadResource with that
// id: the state was saved), or when the object is destroyed. Until then, a create of the same type
// and natural key whose planned values hash the same may adopt the object the entry names (or, when
// the first create's answer never came, the single object with that key) with a warning; anything
// else that already exists stays the "already exists ... import block" error.
//
// The hash covers the planned values (sorted keys, unknowns marked, write-only values are null in a
// plan), never a secret. Entries older than 30 days are ignored and dropped on the next rewrite.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BigNum, UNKNOWN, type Value } from '../../provider/values';

const MAX_AGE_MS = 30 * 86_400_000;
export const JOURNAL_FILE = 'portsip-create-journal.jsonl';

interface Line {
  op: 'intent' | 'created' | 'done';
  type: string;
  key: string;
  hash?: string;
  id?: string;
  at: string;
}

interface Entry {
  type: string;
  key: string;
  hash: string;
  id?: string;
  at: number;
}

/** sha256 over the planned values in a canonical form: sorted keys, unknowns as a marker. */
export function plannedHash(planned: Record<string, Value>): string {
  const canon = (v: Value | undefined): unknown => {
    if (v === UNKNOWN) return { '(unknown)': true };
    if (v instanceof BigNum) return { '(number)': v.text };
    if (Array.isArray(v)) return v.map(canon);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) if (k !== 'id') out[k] = canon((v as Record<string, Value>)[k]);
      return out;
    }
    return v ?? null;
  };
  return createHash('sha256')
    .update(JSON.stringify(canon(planned)))
    .digest('hex')
    .slice(0, 32);
}

export function journalPath(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.join(cwd, env.TF_DATA_DIR || '.terraform', JOURNAL_FILE);
}

export class CreateJournal {
  private entries: Map<string, Entry> | undefined;
  private readonly now: () => number;

  constructor(
    readonly file: string,
    private readonly warn: (message: string) => void = () => undefined,
    now?: () => number,
  ) {
    this.now = now ?? Date.now;
  }

  /** Records the intent to create (before the POST). */
  intent(type: string, key: string, hash: string): void {
    this.load().set(`${type}\0${key}`, { type, key, hash, at: this.now() });
    this.append({ op: 'intent', type, key, hash, at: new Date(this.now()).toISOString() });
  }

  /** Records the id the create answered. */
  created(type: string, key: string, hash: string, id: string): void {
    this.load().set(`${type}\0${key}`, { type, key, hash, id, at: this.now() });
    this.append({ op: 'created', type, key, hash, id, at: new Date(this.now()).toISOString() });
  }

  /** Closes the entry naming `id` (Terraform has it in state, or it was destroyed). Cheap when there is none. */
  done(type: string, id: string): void {
    const m = this.load();
    for (const [k, e] of m)
      if (e.type === type && e.id === id) {
        m.delete(k);
        this.append({ op: 'done', type, key: e.key, id, at: new Date(this.now()).toISOString() });
      }
  }

  /**
   * The object a still-open entry of ours says we created, given the ids that now carry the key:
   * the id the entry recorded when it is among them; when the create's answer never came, the only
   * object with the key. Undefined when the entry is absent, closed, planned differently or ambiguous.
   */
  adoptable(type: string, key: string, hash: string, existingIds: readonly string[]): string | undefined {
    const e = this.load().get(`${type}\0${key}`);
    if (!e || e.hash !== hash || this.now() - e.at > MAX_AGE_MS) return undefined;
    if (e.id !== undefined) return existingIds.includes(e.id) ? e.id : undefined;
    return existingIds.length === 1 ? existingIds[0] : undefined;
  }

  private load(): Map<string, Entry> {
    if (this.entries) return this.entries;
    const m = new Map<string, Entry>();
    let text = '';
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      // no journal yet
    }
    let lines = 0;
    for (const raw of text.split('\n')) {
      if (raw.trim() === '') continue;
      lines++;
      let l: Line;
      try {
        l = JSON.parse(raw) as Line;
      } catch {
        continue; // a line torn by a kill
      }
      const k = `${l.type}\0${l.key}`;
      if (l.op === 'done') {
        if (m.get(k)?.id === l.id) m.delete(k);
      } else if (typeof l.hash === 'string') {
        m.set(k, { type: l.type, key: l.key, hash: l.hash, id: l.id, at: Date.parse(l.at) || 0 });
      }
    }
    for (const [k, e] of m) if (this.now() - e.at > MAX_AGE_MS) m.delete(k);
    this.entries = m;
    // Keep the file small: rewrite it with the open entries when most lines are history.
    if (lines > 1000 && lines > 4 * m.size) this.rewrite(m);
    return m;
  }

  private rewrite(m: Map<string, Entry>): void {
    const body = [...m.values()]
      .map((e) =>
        JSON.stringify({
          op: e.id ? 'created' : 'intent',
          type: e.type,
          key: e.key,
          hash: e.hash,
          id: e.id,
          at: new Date(e.at).toISOString(),
        }),
      )
      .join('\n');
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, body ? body + '\n' : '');
      fs.renameSync(tmp, this.file);
    } catch (e) {
      this.warn(`cannot rewrite the create journal ${this.file}: ${(e as Error).message}`);
    }
  }

  private append(line: Line): void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.appendFileSync(this.file, JSON.stringify(line) + '\n');
    } catch (e) {
      // The create goes ahead: the journal only helps a later apply after an interruption.
      this.warn(`cannot write the create journal ${this.file}: ${(e as Error).message}`);
    }
  }
}
