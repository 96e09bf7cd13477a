// The validate walk's census of unique keys, handed to the plan walk of the same Terraform command.
//
// Why a file: Terraform gives a provider no resource addresses and no view of the whole
// configuration, and it runs each walk of a command in its own provider process
// (docs/protocol.md "Processes of a command"): `terraform plan` starts one process for the
// validate walk (ValidateResourceConfig once per resource block, no ConfigureProvider) and, after
// it has exited, another for the plan walk (ConfigureProvider, then ValidateResourceConfig and
// PlanResourceChange per instance). Inside the plan walk a duplicate can only be seen by the
// object planned second, so only that one would fail. The validate walk sees every block before
// any is planned: it appends each literal unique key here, and the plan walk fails EVERY object
// whose key the validate walk counted twice, so Terraform names both addresses.
//
// Files: <working dir>/.terraform/portsip-plan-census/<terraform pid>-<its start time>/<our pid>.jsonl
// (TF_DATA_DIR moves `.terraform`). Every walk process is a child of the one terraform process, so
// its pid and start time (from /proc where there is one, so a reused pid never reads an old
// census) name the command. Each provider configuration (each alias) has its own process in a
// walk, hence one file per validate process: two aliases may well hold one tenant domain each on
// two PBXs. A plan process cannot tell which file was its own alias's, so a key counts as a
// duplicate only when exactly one file holds it (then the alias planning it is that one); a key
// in several files is left to the plan walk's own check. Lines are appended with O_APPEND as the
// validate walk goes. Folders of commands that have ended are removed by the next validate walk.
// Only when Terraform started this process (TF_PLUGIN_MAGIC_COOKIE): a provider served
// in-process by tests writes nothing.
//
// Keys from variables are unknown in the validate walk (every variable is), and a block with
// `count`/`for_each` is validated once; those duplicates are caught in the plan walk alone.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAGIC_COOKIE_KEY } from '../../provider/server';

export const CENSUS_DIR = 'portsip-plan-census';
const MAX_AGE_MS = 86_400_000;

/** The pid and start time of the terraform process that started us ("" on systems without /proc). */
export function terraformIdentity(ppid = process.ppid): string {
  let start = '';
  try {
    // Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces, so count after ')'.
    const stat = fs.readFileSync(`/proc/${ppid}/stat`, 'utf8');
    start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    // no /proc (macOS, Windows): the pid alone, and old files are removed once their process is gone
  }
  return start ? `${ppid}-${start}` : String(ppid);
}

export function censusDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.join(cwd, env.TF_DATA_DIR || '.terraform', CENSUS_DIR);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class PlanCensus {
  private prepared = false;
  /** namespace\0key -> counts per validate process that saw it. */
  private counts: Map<string, number[]> | undefined;

  constructor(
    /** The census directory; undefined disables the census (not started by Terraform). */
    private readonly dir: string | undefined,
    private readonly identity: string,
    private readonly pid = process.pid,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  static forProcess(env: NodeJS.ProcessEnv, enabled: boolean): PlanCensus {
    return new PlanCensus(enabled ? censusDir(env) : undefined, terraformIdentity());
  }

  private get commandDir(): string | undefined {
    return this.dir && path.join(this.dir, this.identity);
  }

  /** Validate walk: one resource block has this key. Best effort: a census that cannot be written only weakens the check. */
  record(namespace: string, key: string): void {
    const dir = this.commandDir;
    if (!dir) return;
    const file = path.join(dir, `${this.pid}.jsonl`);
    try {
      if (!this.prepared) {
        this.prepared = true;
        fs.mkdirSync(dir, { recursive: true });
        this.removeEnded();
      }
      fs.appendFileSync(file, JSON.stringify({ ns: namespace, key }) + '\n');
    } catch (e) {
      this.warn(`cannot write the plan census ${file}: ${(e as Error).message}`);
    }
  }

  /**
   * Plan walk: how many resource blocks the validate walk of this command saw with this key, when
   * that is known for this provider configuration (exactly one validate process saw the key); 0 otherwise.
   */
  count(namespace: string, key: string): number {
    const per = this.load().get(`${namespace}\0${key}`);
    return per && per.length === 1 ? per[0]! : 0;
  }

  /**
   * Plan walk: every key of the namespace the validate walk of this command saw, from any provider
   * configuration (an alias's keys included: the caller may only use them as a hint, e.g. what to
   * read ahead).
   */
  keys(namespace: string): Set<string> {
    const prefix = `${namespace}\0`;
    const out = new Set<string>();
    for (const k of this.load().keys()) if (k.startsWith(prefix)) out.add(k.slice(prefix.length));
    return out;
  }

  private load(): Map<string, number[]> {
    if (this.counts) return this.counts;
    this.counts = new Map();
    const dir = this.commandDir;
    let files: string[] = [];
    try {
      if (dir) files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
    } catch {
      // no census: `terraform apply` of a saved plan, or the validate walk saw no unique key
    }
    for (const f of files) {
      const mine = new Map<string, number>();
      let text: string;
      try {
        text = fs.readFileSync(path.join(dir!, f), 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          const { ns, key } = JSON.parse(line) as { ns: string; key: string };
          const k = `${ns}\0${key}`;
          mine.set(k, (mine.get(k) ?? 0) + 1);
        } catch {
          // a torn line (the validate process was killed while writing): ignore it
        }
      }
      for (const [k, n] of mine) this.counts.set(k, [...(this.counts.get(k) ?? []), n]);
    }
    return this.counts;
  }

  /** Removes the census of commands whose terraform process has ended (or that are a day old). */
  private removeEnded(): void {
    const now = Date.now();
    for (const name of fs.readdirSync(this.dir!)) {
      if (name === this.identity) continue;
      const p = path.join(this.dir!, name);
      const pid = Number(name.split('-')[0]);
      try {
        if (!Number.isInteger(pid) || !alive(pid) || now - fs.statSync(p).mtimeMs > MAX_AGE_MS)
          fs.rmSync(p, { recursive: true, force: true });
      } catch {
        // removed by another process meanwhile
      }
    }
  }
}

let processCensusInstance: PlanCensus | undefined;

/** This process's census: active only when Terraform started the process (its handshake cookie is set). */
export function processCensus(): PlanCensus {
  processCensusInstance ??= PlanCensus.forProcess(process.env, !!process.env[MAGIC_COOKIE_KEY]);
  return processCensusInstance;
}
