// SARIF 2.1.0 for code scanning (github/codeql-action/upload-sarif): one rule per resource type,
// one result per drifted attribute (or deleted object), located at the resource block in the .tf
// file when it was found there, else at the Terraform working directory. URIs are relative to
// %SRCROOT%, the directory the command ran in (the repository root in a CI checkout).
import { createHash } from 'node:crypto';
import { displayName, type DriftedObject, type DriftReport } from '../drift';
import { display } from '../values';

export const SARIF_SCHEMA_URI = 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json';

export interface SarifOptions {
  toolVersion: string;
  /** The working directory relative to %SRCROOT% ('' or '.' for itself), for objects with no source. */
  workDir: string;
}

const toUri = (p: string) =>
  p
    .split(/[\\/]+/)
    .filter((s) => s !== '' && s !== '.')
    .map(encodeURIComponent)
    .join('/');

function location(d: DriftedObject, o: SarifOptions) {
  const physicalLocation = d.source
    ? { artifactLocation: { uri: toUri(d.source.file), uriBaseId: '%SRCROOT%' }, region: { startLine: d.source.line } }
    : { artifactLocation: { uri: toUri(o.workDir) ? `${toUri(o.workDir)}/` : './', uriBaseId: '%SRCROOT%' } };
  return { physicalLocation, logicalLocations: [{ fullyQualifiedName: d.address, kind: 'resource' }] };
}

/** Stable across runs, so code scanning tracks one alert per object attribute. */
const fingerprint = (address: string, path: string) => createHash('sha256').update(`${address}\0${path}`).digest('hex').slice(0, 32);

export function renderDriftSarif(r: DriftReport, o: SarifOptions): string {
  const types = [...new Set(r.drifted.map((d) => d.type))].sort();
  const labels = new Map(r.drifted.map((d) => [d.type, d.label]));
  const rules = types.map((t) => ({
    id: `portsip-drift/${t}`,
    name: `${t.replace(/(^|_)(\w)/g, (_m, _s, c: string) => c.toUpperCase())}Drift`,
    shortDescription: { text: `${labels.get(t)} changed on the PBX outside Terraform` },
    fullDescription: {
      text: `The ${labels.get(t)} (${t}) read from the PBX differs from the Terraform state: someone changed or deleted it outside Terraform.`,
    },
    help: {
      text: 'Run `terraform apply` to put the configured values back on the PBX, or change the configuration to adopt the change.',
    },
    defaultConfiguration: { level: 'error' },
  }));
  const results = r.drifted.flatMap((d): Record<string, unknown>[] => {
    const ruleIndex = types.indexOf(d.type);
    const base = { ruleId: `portsip-drift/${d.type}`, ruleIndex, level: 'error' as const, locations: [location(d, o)] };
    if (d.status === 'deleted') {
      return [
        {
          ...base,
          message: { text: `${displayName(d)} (${d.address}) was deleted on the PBX.` },
          partialFingerprints: { 'portsipDrift/v1': fingerprint(d.address, '') },
          properties: { naturalKey: d.key, address: d.address, status: 'deleted' },
        },
      ];
    }
    return d.changes.map((c) => ({
      ...base,
      message: {
        text: `${displayName(d)} (${d.address}): ${c.path} is ${display(c.after)} on the PBX, ${display(c.before)} in the Terraform state.`,
      },
      partialFingerprints: { 'portsipDrift/v1': fingerprint(d.address, c.path) },
      properties: { naturalKey: d.key, address: d.address, attribute: c.path, inState: c.before, onPbx: c.after, sensitive: c.sensitive },
    }));
  });
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'portsip drift',
            version: o.toolVersion,
            rules,
          },
        },
        automationDetails: { id: 'portsip-drift/' },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory portsip drift ran in.' } } },
        results,
        properties: { objectsChecked: r.objects.length, terraformVersion: r.terraformVersion ?? null },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
