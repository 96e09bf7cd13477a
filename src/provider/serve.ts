// serve(definition): the provider process. Order matters for start-up cost and for stdout
// hygiene (docs/protocol.md "stdout and logging", "Start-up cost"): guard stdout first, then check the handshake environment,
// start gRPC and print the one line; the provider definition (resources, API client) may be
// given lazily and is loaded right after the line is out, while Terraform connects.

import * as fs from 'node:fs';
import { format } from 'node:util';
import { VERSION } from '../common/version';
import type { ProviderDefinition } from './definition';
import { failingHandlers } from './failing-handlers';
import { createProviderHandlers, type ProviderHandlerTable, type ProviderHandlers, type ProviderMethod, type RpcHandler } from './handlers';
import { createLogger, type Logger } from './logger';
import { loadProtocol } from './proto/services';
import { checkHandshakeEnv, startPluginServer } from './server';
import { createStats } from './stats';

/**
 * Anything on stdout before the handshake line is fatal to Terraform, and after it is silently
 * dropped (docs/protocol.md "stdout and logging"). Route every stdout write (console.log, stray dependency output) to stderr and
 * keep fd 1 for the handshake line only.
 */
function guardStdout(): void {
  const toStderr = (...args: unknown[]) => {
    process.stderr.write(format(...args) + '\n');
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.trace = toStderr;
  const stderrWrite = process.stderr.write.bind(process.stderr) as (...a: unknown[]) => boolean;
  process.stdout.write = (...args: unknown[]) => stderrWrite(...args);
}

function isSingleExecutable(): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an import would fail to load where node:sea is missing
    return (require('node:sea') as { isSea(): boolean }).isSea();
  } catch {
    return false; // Node before 20.12 has no node:sea
  }
}

export type DefinitionSource<C> = ProviderDefinition<C> | (() => ProviderDefinition<C>);

export interface ServeOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

export function serve<C>(source: DefinitionSource<C>, opts: ServeOptions = {}): void {
  const env = opts.env ?? process.env;
  guardStdout();
  const check = checkHandshakeEnv(env);
  if (!check.ok) {
    process.stderr.write(check.message);
    process.exit(1);
  }
  const logger = opts.logger ?? createLogger();
  // Benchmark measurements (bench/), only when PORTSIP_PROVIDER_STATS_FILE is set: otherwise
  // undefined, and nothing below is wrapped or hooked.
  const stats = createStats(env);

  // Ctrl-C reaches the whole process group. Dying here loses objects an in-flight apply just
  // created; Terraform instead calls StopProvider and waits for the apply to return (docs/protocol.md "Ctrl-C and StopProvider").
  process.on('SIGINT', () => logger.info('SIGINT ignored: Terraform stops us via StopProvider and Shutdown'));
  // Never crash on a stray error: Terraform would report "Plugin did not respond" (docs/protocol.md "Ctrl-C and StopProvider").
  process.on('uncaughtException', (e) => logger.error('uncaught exception', { error: e.stack ?? String(e) }));
  process.on('unhandledRejection', (e) =>
    logger.error('unhandled rejection', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );

  let provider: ProviderHandlers | undefined;
  let loadError: unknown;
  const getProvider = (): ProviderHandlers | undefined => {
    if (provider || loadError) return provider;
    try {
      const def = typeof source === 'function' ? source() : source;
      provider = createProviderHandlers(def, { logger });
    } catch (e) {
      loadError = e;
      logger.error('loading the provider definition failed', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
    return provider;
  };
  let failing: ProviderHandlerTable | undefined;
  const plainHandler = <M extends ProviderMethod>(method: M): RpcHandler<M> => {
    const p = getProvider();
    if (p) return p.handlers[method];
    failing ??= failingHandlers(String((loadError as Error)?.message ?? loadError));
    return failing[method];
  };
  const handler = stats ? <M extends ProviderMethod>(method: M): RpcHandler<M> => stats.wrap(method, plainHandler(method)) : plainHandler;

  const exit = () => {
    // Called once the Shutdown answer is sent (server.ts): go at once, lingering costs 2 s (docs/protocol.md "Ctrl-C and StopProvider").
    process.exit(0);
  };

  const services = loadProtocol();

  startPluginServer({ services, handler, clientCertPem: check.clientCertPem, logger, onShutdown: exit }).then(
    ({ line, port }) => {
      fs.writeSync(1, line);
      stats?.handshakeWritten();
      // The version and whether this is the packaged single executable (docs/release.md), for bug reports.
      logger.debug('plugin server started', { port, tls: !!check.clientCertPem, version: VERSION, packaged: isSingleExecutable() });
      // Load resources while Terraform connects (it only needs the line to start).
      setImmediate(getProvider);
      // If Terraform dies without Shutdown we are re-parented: don't linger as an orphan.
      const parent = process.ppid;
      setInterval(() => {
        if (process.ppid !== parent) process.exit(0);
      }, 2000).unref();
    },
    (e: unknown) => {
      process.stderr.write(`terraform-provider-portsip: cannot start the plugin server: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exit(1);
    },
  );
}
