// Where a resource is declared: scans the working directory's .tf files for `resource "TYPE" "NAME"`
// so SARIF results point at the block's line. Root-module resources only; objects declared in
// modules or in JSON configuration (cdktf's cdk.tf.json) are located at the directory instead.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SourceRef {
  /** Relative to `relativeTo` (the directory the command runs in), with forward slashes. */
  file: string;
  line: number;
}

/** `portsip_ip_rule.r[3]` -> `portsip_ip_rule.r`; undefined for module and data addresses. */
export function blockOf(address: string): string | undefined {
  const m = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)(\[.*\])?$/.exec(address);
  return m ? `${m[1]}.${m[2]}` : undefined;
}

/** Map `TYPE.NAME` -> where its resource block starts. */
export function scanResourceBlocks(dir: string, relativeTo: string): Map<string, SourceRef> {
  const found = new Map<string, SourceRef>();
  let files: string[];
  try {
    files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.tf'))
      .sort();
  } catch {
    return found;
  }
  for (const f of files) {
    const full = path.join(dir, f);
    const text = fs.readFileSync(full, 'utf8');
    const rel = path.relative(relativeTo, full).split(path.sep).join('/');
    const lines = text.split('\n');
    lines.forEach((l, i) => {
      const m = /^\s*resource\s+"([^"]+)"\s+"([^"]+)"/.exec(l);
      if (m && !found.has(`${m[1]}.${m[2]}`)) found.set(`${m[1]}.${m[2]}`, { file: rel, line: i + 1 });
    });
  }
  return found;
}
