// A user's own cdktf (or cdktn) app, outside this repository, built from the packed constructs
// package: what `npm pack` of the jsii package gives is installed into a temporary folder with its
// own package.json, next to cdktf (or cdktn) and constructs, and the service-provider stack of
// examples/service-provider is compiled there with tsc (this repository's TypeScript, against the
// installed packages' .d.ts) and synthesized with `node main.js`.
//
// Offline and reproducible: every dependency is a tarball packed from this repository's
// node_modules (cdktf 0.21.0 and constructs 10.8.1 of package.json; cdktn 0.24.0 and constructs
// 10.6.0 as @cdktn/provider-generator brings them) and installed with `npm install --offline`. cdktf
// and cdktn bundle their own dependencies, so nothing else is fetched, and no registry or cache is
// needed (a CI runner after `npm ci` has all of it).
//
// The example's stack.ts and customers.ts are copied verbatim except for one import: the module
// they take constructs from, `../../src/cdktf`, becomes `./portsip`, a file of re-exports written
// here from the package's deep imports (`@portsip/cdktf-provider-portsip/lib/tenant`, ...) and
// `cdktf` -- the one module a user's app would import the constructs through. The validation
// aspect (validatePortsip) is not in the packages (it runs the provider's TypeScript validators);
// the app's main.ts therefore builds the stack without it, and terraform validates at plan time.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type Flavour = 'cdktf' | 'cdktn';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const STACK = 'service-provider';
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'service-provider');

export const PACKAGE_NAME: Record<Flavour, string> = {
  cdktf: '@portsip/cdktf-provider-portsip',
  cdktn: '@portsip/cdktn-provider-portsip',
};

/** cdktn's `targetVersions` (cdktf.json) for this provider: write-only attributes need Terraform 1.11. */
export const TARGET_VERSIONS = { terraform: '>=1.11.0' };

export interface FreshApp {
  readonly flavour: Flavour;
  /** The app folder (its own package.json, node_modules, main.js, cdktf.json). */
  readonly dir: string;
  /** The constructs package tarball `npm pack` made, installed into the app. */
  readonly tarball: string;
  /** Where the installed packages resolve from the app: proves nothing comes from this repository. */
  resolved(pkg: string): string;
  /** `node main.js` in the app: writes cdktf.out/stacks/service-provider/cdk.tf.json, returns it. */
  synth(env?: Record<string, string | undefined>): string;
  cleanup(): void;
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 180_000 });
  if (r.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status ?? r.signal}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`,
    );
  }
  return r;
}

const NPM_ENV = { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

/** Flat construct names of src/cdktf/index.ts -> the generated folder each comes from. */
function constructFolders(): Map<string, string> {
  const index = fs.readFileSync(path.join(REPO_ROOT, 'src', 'cdktf', 'index.ts'), 'utf8');
  const map = new Map<string, string>();
  // Both groups are mandatory in the pattern, so a match has them.
  for (const m of index.matchAll(/^export \{ (\w+)(?:, type \w+)? \} from '\.\/gen\/([\w-]+)';$/gm)) map.set(m[1]!, m[2]!);
  if (map.size < 20) throw new Error(`src/cdktf/index.ts: expected the flat construct exports, found ${map.size}`);
  return map;
}

/** The import list of `from '../../src/cdktf'` in the example's stack.ts. */
function importedNames(stackTs: string): string[] {
  const m = /import \{([^}]+)\} from '\.\.\/\.\.\/src\/cdktf';/.exec(stackTs);
  if (!m?.[1]) throw new Error("examples/service-provider/stack.ts no longer imports from '../../src/cdktf'");
  return m[1]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function portsipModule(flavour: Flavour, names: string[]): string {
  const folders = constructFolders();
  const lines = [
    `// The one module this app imports ${flavour} and the portsip constructs through.`,
    `// Constructs: deep imports of ${PACKAGE_NAME[flavour]}, like any prebuilt provider package.`,
  ];
  const core: string[] = [];
  for (const name of names) {
    const folder = folders.get(name);
    if (folder) lines.push(`export { ${name} } from '${PACKAGE_NAME[flavour]}/lib/${folder}';`);
    else core.push(name);
  }
  if (core.length) lines.push(`export { ${core.join(', ')} } from '${flavour}';`);
  return lines.join('\n') + '\n';
}

const MAIN = (flavour: Flavour) => `import { App } from '${flavour}';
import { version } from '${PACKAGE_NAME[flavour]}/package.json';
import { ServiceProviderStack } from './stack';

const app = new App();
const stack = new ServiceProviderStack(app, '${STACK}', {});
// Pin the provider to the constructs package's version (one version for both): the ${flavour} CLI
// refuses a required provider without a version (plain terraform takes any).
stack.addOverride('terraform.required_providers.portsip.version', version);
app.synth();
`;

/**
 * Builds the constructs package (jsii, then npm pack) and a fresh app around it. ~20-30 s on 2 cores:
 * jsii ~6 s, npm install of three tarballs ~5 s, tsc ~5 s.
 */
export function createFreshApp(flavour: Flavour, opts: { keep?: boolean } = {}): FreshApp {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `portsip-${flavour}-app-`));
  if (path.resolve(root).startsWith(REPO_ROOT + path.sep)) throw new Error(`${root} is inside the repository; the app must be outside`);
  const packages = path.join(root, 'packages');
  const dir = path.join(root, 'app');
  fs.mkdirSync(dir, { recursive: true });
  try {
    // 1. The constructs package: jsii in its own folder (tests may build in parallel), then npm pack.
    const built = run(
      process.execPath,
      [path.join(REPO_ROOT, 'scripts', 'build-jsii.js'), '--package', flavour, '--workdir', path.join(root, 'jsii'), '--pack', packages],
      REPO_ROOT,
    );
    const tarball = built.stdout.trim().split('\n').pop()!;
    if (!fs.existsSync(tarball)) throw new Error(`build-jsii --pack printed "${tarball}", which does not exist`);

    // 2. Its peers, packed from this repository's node_modules (bundled dependencies included).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script without type declarations
    const { peerDirs } = require(path.join(REPO_ROOT, 'scripts', 'build-jsii.js')) as {
      peerDirs: (f: Flavour) => Record<string, string>;
    };
    const peers = peerDirs(flavour);
    const packed = JSON.parse(
      run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packages, ...Object.values(peers)], root, NPM_ENV).stdout,
    ) as { name: string; version: string; filename: string }[];

    // 3. The app: its own package.json, tsconfig, cdktf.json, sources.
    const dependencies: Record<string, string> = { [PACKAGE_NAME[flavour]]: `file:${tarball}` };
    for (const p of packed) dependencies[p.name] = `file:${path.join(packages, p.filename)}`;
    const typescript = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: `portsip-${flavour}-fresh-app`, version: '1.0.0', private: true, main: 'main.js', dependencies }, null, 2) +
        '\n',
    );
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify(
        {
          compilerOptions: {
            target: 'ES2022',
            module: 'commonjs',
            moduleResolution: 'node',
            lib: ['ES2022'],
            types: [],
            strict: true,
            skipLibCheck: true,
            esModuleInterop: true,
            resolveJsonModule: true,
          },
          // main.js etc. next to the sources (what cdktf.json runs)
          files: ['main.ts', 'stack.ts', 'customers.ts', 'portsip.ts'],
        },
        null,
        2,
      ) + '\n',
    );
    // What `cdktf synth` / `cdktn synth` run; the CLI tests use it, node main.js does the same.
    // cdktn checks at synth that the Terraform versions a project targets support the features its
    // resources use; the write-only passwords need Terraform >= 1.11 (OpenTofu is not targeted).
    const project: Record<string, unknown> = {
      language: 'typescript',
      app: 'node main.js',
      output: 'cdktf.out',
      terraformProviders: [],
      terraformModules: [],
      context: {},
    };
    if (flavour === 'cdktn') project.targetVersions = TARGET_VERSIONS;
    fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify(project, null, 2) + '\n');
    const stackTs = fs.readFileSync(path.join(EXAMPLE, 'stack.ts'), 'utf8');
    fs.writeFileSync(path.join(dir, 'stack.ts'), stackTs.replace("from '../../src/cdktf';", "from './portsip';"));
    fs.copyFileSync(path.join(EXAMPLE, 'customers.ts'), path.join(dir, 'customers.ts'));
    fs.writeFileSync(path.join(dir, 'portsip.ts'), portsipModule(flavour, importedNames(stackTs)));
    fs.writeFileSync(path.join(dir, 'main.ts'), MAIN(flavour));

    // 4. Install (tarballs only: --offline proves no registry is needed) and compile.
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], dir, NPM_ENV);
    run(process.execPath, [typescript, '-p', dir], dir);

    const app: FreshApp = {
      flavour,
      dir,
      tarball,
      resolved(pkg) {
        return fs.realpathSync(require.resolve(`${pkg}/package.json`, { paths: [dir] }));
      },
      synth(env = {}) {
        fs.rmSync(path.join(dir, 'cdktf.out'), { recursive: true, force: true });
        // NODE_PATH cleared: the app resolves everything from its own node_modules. The context
        // is what the CLI passes from cdktf.json (CDKTF_CONTEXT_JSON, read by App in both).
        const context = flavour === 'cdktn' ? JSON.stringify({ targetVersions: TARGET_VERSIONS }) : undefined;
        run(process.execPath, ['main.js'], dir, { NODE_PATH: undefined, CDKTF_OUTDIR: undefined, CDKTF_CONTEXT_JSON: context, ...env });
        return fs.readFileSync(path.join(dir, 'cdktf.out', 'stacks', STACK, 'cdk.tf.json'), 'utf8');
      },
      cleanup() {
        if (!opts.keep) fs.rmSync(root, { recursive: true, force: true });
      },
    };
    return app;
  } catch (e) {
    if (!opts.keep) fs.rmSync(root, { recursive: true, force: true });
    throw e;
  }
}
