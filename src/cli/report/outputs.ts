// Which report formats go where. `--format a,b,c` lists the formats; each `--out FILE` takes the
// format at the same position (`-` is stdout); formats left without an --out go to `--out-dir`
// (as portsip-<command>.<ext>) when it is given, else to stdout, which only one format may use.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const EXTENSIONS: Readonly<Record<string, string>> = { text: 'txt', markdown: 'md', json: 'json', sarif: 'sarif', junit: 'xml' };

export interface Destination<F extends string> {
  format: F;
  /** undefined: stdout. */
  file?: string;
}

/** Parses `--format` values (comma lists, repeatable) against the allowed formats. */
export function parseFormats<F extends string>(values: string[], allowed: readonly F[]): F[] {
  const out: F[] = [];
  for (const v of values.flatMap((x) => x.split(',')).map((x) => x.trim().toLowerCase())) {
    if (!v) continue;
    if (!(allowed as readonly string[]).includes(v)) throw new Error(`unknown --format "${v}"; allowed: ${allowed.join(', ')}`);
    if (out.includes(v as F)) throw new Error(`--format "${v}" is given twice`);
    out.push(v as F);
  }
  return out.length ? out : [allowed[0]!];
}

export function destinations<F extends string>(
  formats: F[],
  outs: string[],
  outDir: string | undefined,
  command: string,
): Destination<F>[] {
  if (outs.length > formats.length) {
    throw new Error(
      `${outs.length} --out files for ${formats.length} format${formats.length === 1 ? '' : 's'} (${formats.join(',')}): give one --out per format, in the same order`,
    );
  }
  const dests = formats.map((format, i): Destination<F> => {
    const o = outs[i];
    if (o !== undefined && o !== '-') return { format, file: o };
    if (o === undefined && outDir) return { format, file: path.join(outDir, `portsip-${command}.${EXTENSIONS[format] ?? format}`) };
    return { format };
  });
  const toStdout = dests.filter((d) => !d.file);
  if (toStdout.length > 1) {
    throw new Error(
      `formats ${toStdout.map((d) => d.format).join(', ')} would all go to stdout: give --out FILE for each (in --format order) or --out-dir DIR`,
    );
  }
  return dests;
}

/** Writes every rendered report; files atomically, directories created as needed. */
export function writeOutputs<F extends string>(dests: Destination<F>[], render: (f: F) => string, stdout: (s: string) => void): void {
  for (const d of dests) {
    const text = render(d.format);
    if (!d.file) {
      stdout(text);
      continue;
    }
    fs.mkdirSync(path.dirname(path.resolve(d.file)), { recursive: true });
    const tmp = `${d.file}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, d.file);
  }
}
