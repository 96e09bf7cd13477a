// JUnit XML so CI test panels list the PBX: one test suite per resource type, one test case per
// managed object in the state, failed where it drifted (the failure text lists the attributes).
import { displayName, type DriftedObject, type DriftReport, type ObjectRef, groupByType } from '../drift';
import { display } from '../values';

/** Escapes text for XML attributes and content, dropping characters XML 1.0 cannot hold. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function failure(d: DriftedObject): string {
  if (d.status === 'deleted')
    return `      <failure type="drift" message="deleted on the PBX">${xmlEscape(`${d.address} was deleted on the PBX`)}</failure>\n`;
  const message = `drifted: ${d.changes.map((c) => c.path).join(', ')}`;
  const body = d.changes.map((c) => `${c.path}: ${display(c.before)} (state) -> ${display(c.after)} (PBX)`).join('\n');
  return `      <failure type="drift" message="${xmlEscape(message)}">${xmlEscape(body)}</failure>\n`;
}

export function renderDriftJunit(r: DriftReport): string {
  const drifted = new Map(r.drifted.map((d) => [d.address, d]));
  const cases: ObjectRef[] = r.objects;
  const suites = groupByType(cases);
  const failures = cases.filter((c) => drifted.has(c.address)).length;
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n';
  xml += `<testsuites name="portsip drift" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">\n`;
  for (const [type, items] of suites) {
    const f = items.filter((c) => drifted.has(c.address)).length;
    xml += `  <testsuite name="${xmlEscape(type)}" tests="${items.length}" failures="${f}" errors="0" skipped="0" time="0">\n`;
    for (const c of items) {
      const name = xmlEscape(`${displayName(c)} (${c.address})`);
      const d = drifted.get(c.address);
      if (!d) xml += `    <testcase classname="${xmlEscape(type)}" name="${name}" time="0"/>\n`;
      else xml += `    <testcase classname="${xmlEscape(type)}" name="${name}" time="0">\n${failure(d)}    </testcase>\n`;
    }
    xml += '  </testsuite>\n';
  }
  return xml + '</testsuites>\n';
}
