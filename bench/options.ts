// The benchmark's command line (see the option list at the top of run.ts).
import * as path from 'node:path';
import { REPO_ROOT } from './runner';
import { parseScenarios } from './scenarios';
import type { Options } from './types';

export function parseArgs(argv: string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq ? eq.slice(name.length + 3) : undefined;
  };
  const known = [
    'report-from',
    'chunk-size',
    'chunked-apply',
    'backend',
    'local-apply',
    'local-apply-runs',
    'scenarios',
    'runs',
    'apply-runs',
    'latency',
    'parallelism',
    'out',
    'wait-load',
    'wait-max',
    'keep',
    'timeout',
    'export-only',
    'apply-only',
    'size',
    'floor-runs',
  ];
  for (const a of argv) {
    if (a.startsWith('--') && !known.includes(a.slice(2).split('=')[0]!))
      throw new Error(`unknown option ${a} (known: ${known.map((k) => `--${k}`).join(' ')})`);
  }
  const exportOnly = argv.includes('--export-only');
  const applyOnly = argv.includes('--apply-only');
  if (exportOnly && applyOnly) throw new Error('--export-only and --apply-only: choose one');
  if (get('size') !== undefined && get('scenarios') !== undefined) throw new Error('--size is another name for --scenarios: give one');
  const scenarios = parseScenarios(get('scenarios') ?? get('size') ?? (exportOnly || applyOnly ? 'S' : 'S,L'));
  const runs = Math.max(1, Number(get('runs') ?? 3));
  const applyRuns: Record<string, number> = {};
  const ar = get('apply-runs');
  const list = (v: string) =>
    v.trim() === 'none'
      ? []
      : v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
  const chunkedApply = list(get('chunked-apply') ?? 'none');
  const backend = get('backend') ?? 'pg';
  if (backend !== 'pg' && backend !== 'local') throw new Error(`--backend: expected pg or local, got "${backend}"`);
  if (applyOnly && backend !== 'pg') throw new Error('--apply-only measures the pg backend against the local one: leave out --backend');
  const localApply = list(get('local-apply') ?? 'S');
  const localApplyRuns = Number(get('local-apply-runs') ?? 1);
  if (!Number.isInteger(localApplyRuns) || localApplyRuns < 0)
    throw new Error(`--local-apply-runs: expected a whole number, got "${get('local-apply-runs')}"`);
  // A chunked apply costs many minutes: once by default.
  for (const s of scenarios) applyRuns[s.name] = chunkedApply.includes(s.name) ? 1 : runs;
  if (ar) {
    if (/^\d+$/.test(ar)) for (const s of scenarios) applyRuns[s.name] = Number(ar);
    else
      for (const part of ar.split(',')) {
        const [k, v] = part.split('=');
        if (!k || !v || !/^\d+$/.test(v)) throw new Error(`--apply-runs: expected N or NAME=N,..., got "${ar}"`);
        applyRuns[k.trim()] = Number(v);
      }
  }
  for (const s of scenarios) applyRuns[s.name] = Math.min(runs, Math.max(1, applyRuns[s.name] ?? runs));
  const latency = get('latency') ?? '20';
  const latencyMs = Number(latency.replace(/ms$/, ''));
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error(`--latency: expected ms, got "${latency}"`);
  const floorRuns = Number(get('floor-runs') ?? 5);
  if (!Number.isInteger(floorRuns) || floorRuns < 0) throw new Error(`--floor-runs: expected a whole number, got "${get('floor-runs')}"`);
  return {
    scenarios,
    floorRuns,
    runs,
    applyRuns,
    latencyMs,
    parallelism: Number(get('parallelism') ?? 10),
    outDir: path.resolve(REPO_ROOT, get('out') ?? 'bench'),
    waitLoad: Number(get('wait-load') ?? 3),
    waitMaxS: Number(get('wait-max') ?? 600),
    keep: argv.includes('--keep'),
    commandTimeoutMs: Number(get('timeout') ?? 30 * 60) * 1000,
    reportFrom: get('report-from'),
    chunkSize: Number(get('chunk-size') ?? 500),
    chunkedApply,
    backend,
    localApply,
    localApplyRuns,
    exportOnly,
    applyOnly,
  };
}
