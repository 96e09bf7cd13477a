// The machine a run measured on (machineInfo) and the wait for a quiet machine before it (waitForLoad).
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import { log, REPO_ROOT } from './runner';
import type { MachineInfo, Options } from './types';

export async function waitForLoad(opts: Options): Promise<number> {
  const t0 = Date.now();
  let announced = false;
  while (os.loadavg()[0]! >= opts.waitLoad && (Date.now() - t0) / 1000 < opts.waitMaxS) {
    if (!announced)
      log(
        `load ${os
          .loadavg()
          .map((x) => x.toFixed(2))
          .join(' ')} >= ${opts.waitLoad}: waiting up to ${opts.waitMaxS} s for it to drop`,
      );
    announced = true;
    await new Promise((r) => setTimeout(r, 10_000));
  }
  const waited = Math.round((Date.now() - t0) / 1000);
  if (announced)
    log(
      `load now ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} after ${waited} s`,
    );
  return waited;
}

export function machineInfo(loadAtStart: number[], waited: number): MachineInfo {
  const tf = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  let terraform: string;
  try {
    terraform = (JSON.parse(tf.stdout) as { terraform_version: string }).terraform_version;
  } catch {
    terraform = tf.stdout.trim().split('\n')[0] ?? 'unknown';
  }
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', cwd: REPO_ROOT });
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8', cwd: REPO_ROOT });
  const gitCommit = head.status === 0 ? `${head.stdout.trim()}${dirty.stdout.trim() ? '+dirty' : ''}` : undefined;
  return {
    gitCommit,
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memTotalGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    terraform,
    loadAtStart,
    loadAtEnd: os.loadavg(),
    waitedForLoadS: waited,
  };
}
