// go-plugin handshake and the gRPC server (docs/protocol.md "Handshake").
//
//  - Terraform starts us with TF_PLUGIN_MAGIC_COOKIE; without it we are being run by a human.
//  - We speak protocol 6 only; PLUGIN_PROTOCOL_VERSIONS comes as "5,6" or "6,5" (docs/protocol.md "Handshake").
//  - Auto-mTLS: serve TLS with our own self-signed certificate, require a client certificate and
//    verify it against PLUGIN_CLIENT_CERT as the only root (docs/protocol.md "TLS certificate"). Plaintext when Terraform runs
//    with TF_DISABLE_PLUGIN_TLS and sends no client certificate; the cert field is then empty.
//  - The one stdout line: `1|6|tcp|127.0.0.1:PORT|grpc|<DER base64 without padding>` (docs/protocol.md "Handshake").
//  - gRPC itself: the unary-only server in grpc.ts, no message size limit (docs/protocol.md "gRPC server", "Message sizes").
//  - plugin.GRPCController/Shutdown answers and exits at once, else +2 s and SIGKILL (docs/protocol.md "Shutdown", "Ctrl-C and StopProvider").

import { createSelfSignedCert } from './cert';
import { PROVIDER_METHODS } from './gen/tfplugin6';
import { startGrpcServer, type GrpcServer, type GrpcServerOptions, type UnaryMethod } from './grpc';
import type { ProviderMethod, RequestOf, RpcHandler } from './handlers';
import type { Logger } from './logger';
import type { ProtocolServices } from './proto/services';

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
export const CORE_PROTOCOL_VERSION = 1;
export const APP_PROTOCOL_VERSION = 6;

export type HandshakeCheck = { ok: true; clientCertPem: string | undefined } | { ok: false; message: string };

export function checkHandshakeEnv(env: NodeJS.ProcessEnv): HandshakeCheck {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    return {
      ok: false,
      message:
        'This binary is a plugin. These are not meant to be executed directly.\n' +
        'Please execute the program that consumes these plugins, which will\n' +
        'load any plugins automatically (terraform-provider-portsip is loaded by `terraform`).\n',
    };
  }
  const versions = (env.PLUGIN_PROTOCOL_VERSIONS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (versions.length > 0 && !versions.includes(String(APP_PROTOCOL_VERSION))) {
    return {
      ok: false,
      message: `terraform-provider-portsip speaks plugin protocol ${APP_PROTOCOL_VERSION} only (Terraform 1.0 or later); this Terraform offers ${versions.join(', ')}.\n`,
    };
  }
  const disabled = !!env.TF_DISABLE_PLUGIN_TLS && env.TF_DISABLE_PLUGIN_TLS !== '0' && env.TF_DISABLE_PLUGIN_TLS !== 'false';
  const pem = env.PLUGIN_CLIENT_CERT;
  return { ok: true, clientCertPem: disabled || !pem ? undefined : pem };
}

/** The handshake line; certDer undefined -> empty cert field (plaintext). */
export function handshakeLine(port: number, certDer: Buffer | undefined): string {
  const cert = certDer ? certDer.toString('base64').replace(/=+$/, '') : '';
  return `${CORE_PROTOCOL_VERSION}|${APP_PROTOCOL_VERSION}|tcp|127.0.0.1:${port}|grpc|${cert}\n`;
}

export interface PluginServerOptions {
  services: ProtocolServices;
  /** Looked up per call, so the provider definition can load after the handshake. */
  handler: <M extends ProviderMethod>(method: M) => RpcHandler<M>;
  clientCertPem: string | undefined;
  logger: Logger;
  /** Called after Shutdown has been answered. */
  onShutdown: () => void;
}

export interface PluginServer {
  port: number;
  line: string;
  server: GrpcServer;
}

export async function startPluginServer(opts: PluginServerOptions): Promise<PluginServer> {
  const { services, logger } = opts;
  let tls: GrpcServerOptions['tls'];
  let certDer: Buffer | undefined;
  if (opts.clientCertPem) {
    const cert = createSelfSignedCert('localhost');
    certDer = cert.der;
    // Terraform's client certificate is required and verified against PLUGIN_CLIENT_CERT as the only root.
    tls = { key: cert.keyPem, cert: cert.certPem, clientCa: opts.clientCertPem };
  }

  const methods = new Map<string, UnaryMethod>();
  // The request is the method's Request message (services.ts decodes it for exactly this path), in
  // the generated object form the handler's type names; the handler's response is encoded back.
  const unary = <M extends ProviderMethod>(method: M): UnaryMethod => {
    const rpc = services.provider[method];
    if (!rpc) throw new Error(`the .proto has no method ${method}; run npm run gen:proto`);
    return async (bytes) => {
      const request = rpc.decodeRequest(bytes) as RequestOf<M>;
      try {
        return rpc.encodeResponse(await opts.handler(method)(request));
      } catch (e) {
        // Handlers already turn errors into diagnostics; this is the last line of defence.
        logger.error(`${method}: unhandled error`, { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
        throw e;
      }
    };
  };
  for (const method of PROVIDER_METHODS) {
    const rpc = services.provider[method];
    if (rpc) methods.set(rpc.path, unary(method));
  }

  const server = await startGrpcServer({ methods, tls, logger });
  // Registered once the server exists (it closes it); no call can arrive before the handshake line is out.
  const shutdown = services.controller.Shutdown;
  if (!shutdown) throw new Error('plugin.proto has no GRPCController/Shutdown');
  methods.set(shutdown.path, async () => {
    logger.debug('Shutdown received');
    // Exit once the answer is on the wire: close() waits for in-flight calls (this one included)
    // and closes the connection after them. A fixed short delay raced the send under load, and
    // Terraform then logged a dropped connection. The timer bounds the wait if a call never completes.
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      opts.onShutdown();
    };
    server.close(finish);
    setTimeout(finish, 500).unref();
    return shutdown.encodeResponse({});
  });
  return { port: server.port, line: handshakeLine(server.port, certDer), server };
}
