// Shared runner for the `terraform validate` rejection tests (validate.test.ts for the core
// resources, validate-admin-settings-datasources.test.ts for the rest).
//
// Several cases share one terraform invocation to keep the suites fast, but every case is its own
// resource (or provider alias) block and its diagnostic is asserted individually: it must be an
// error, come from that block (snippet context), point at the attribute's line (snippet code) and
// name the attribute in its text. No API request may reach the emulator.
import type { Acceptance } from './portsip';

export interface ValidateCase {
  /** What is wrong, for the failure message. */
  why: string;
  /** A resource or data source type ("data.portsip_x" for data sources), or "provider". */
  type: string;
  /** The attribute the diagnostic must name (dotted path as printed). */
  attr: string;
  /** The attribute (or, for a missing one, the block) on the line the diagnostic points at. */
  line?: string;
  body: string;
}

interface JsonDiag {
  severity: 'error' | 'warning';
  summary: string;
  detail: string;
  snippet?: { context: string | null; code: string };
}

function blockHeader(c: ValidateCase, i: number): string {
  return c.type.startsWith('data.') ? `data "${c.type.slice(5)}" "c${i}"` : `resource "${c.type}" "c${i}"`;
}

export function casesToHcl(group: ValidateCase[]): string {
  return group
    .map((c, i) => {
      const body = c.body
        .split('\n')
        .map((l) => (l.startsWith('  ') ? l : `  ${l}`))
        .join('\n');
      // Terraform validates a provider block only when a resource uses it: give each alias a valid one.
      return c.type === 'provider'
        ? `provider "portsip" {\n  alias = "c${i}"\n${body}\n}\nresource "portsip_ip_rule" "uses_c${i}" {\n  provider = portsip.c${i}\n  cidr = "10.${i}.0.0/16"\n  target = "ACCEPT"\n}\n`
        : `${blockHeader(c, i)} {\n${body}\n}\n`;
    })
    .join('\n');
}

/** Groups cases by type, in first-seen order. */
export function groupByType(cases: ValidateCase[]): [string, ValidateCase[]][] {
  const types = [...new Set(cases.map((c) => c.type))];
  return types.map((t) => [t, cases.filter((c) => c.type === t)]);
}

/** Runs `terraform validate -json` over the group and asserts each case's diagnostic. */
export async function expectValidateRejects({ h, emu }: Acceptance, group: ValidateCase[]): Promise<void> {
  h.writeConfig(casesToHcl(group));
  await h.init();
  emu.resetStats();
  const r = await h.tf('validate', '-json', '-no-color');
  expect(r.code).toBe(1);
  const out = JSON.parse(r.stdout) as { valid: boolean; diagnostics: JsonDiag[] };
  expect(out.valid).toBe(false);
  const problems: string[] = [];
  group.forEach((c, i) => {
    const ctx = c.type === 'provider' ? `provider "portsip"` : blockHeader(c, i);
    const line =
      c.line ??
      c.attr
        .split('.')
        .pop()!
        .replace(/\[\d+\]$/, '');
    const mine = out.diagnostics.filter(
      (d) => d.severity === 'error' && d.snippet?.context === ctx && new RegExp(`^\\s*${line}\\s*[={]`).test(d.snippet.code),
    );
    const named = mine.filter((d) => `${d.summary} ${d.detail}`.includes(`"${c.attr}"`) || `${d.summary} ${d.detail}`.includes(c.attr));
    if (c.type === 'provider') {
      // Aliased provider blocks share one snippet context: match the attribute's line instead.
      if (named.length === 0) problems.push(`c${i} (${c.why}): no error naming "${c.attr}" at its line`);
      return;
    }
    if (named.length === 0)
      problems.push(
        `c${i} ${c.type} (${c.why}): no error naming "${c.attr}" on its line; got ${JSON.stringify(out.diagnostics.filter((d) => d.snippet?.context === ctx).map((d) => [d.severity, d.detail, d.snippet?.code]))}`,
      );
  });
  expect(problems).toEqual([]);
  // Not one request reached the PBX (validation is static).
  expect(emu.stats().total).toBe(0);
}
