// go-plugin handshake and the gRPC server (docs/protocol.md "Handshake").
//
//  - Terraform starts us with TF_PLUGIN_MAGIC_COOKIE; without it we are being run by a human.
//  - We speak protocol 6 only; PLUGIN_PROTOCOL_VERSIONS comes as "5,6" or "6,5" (docs/protocol.md "Handshake").
//  - Auto-mTLS: serve TLS with our own self-signed certificate, require a client certificate and
//    verify it against PLUGIN_CLIENT_CERT as the only root (docs/protocol.md "TLS certificate"). Plaintext when Terraform runs
//    with TF_DISABLE_PLUGIN_TLS and sends no client certificate; the cert field is then empty.
//  - The one stdout line: `1|6|tcp|127.0.0.1:PORT|grpc|<DER base64 without padding>` (docs/protocol.md "Handshake").
//  - Message size limits off: Terraform sends up to 2 GiB, grpc-js refuses > 4 MiB by default (docs/protocol.md "Message sizes").
//  - plugin.GRPCController/Shutdown answers and exits at once, else +2 s and SIGKILL (docs/protocol.md "Shutdown", "Ctrl-C and StopProvider").

import * as grpc from '@grpc/grpc-js';
import { createSelfSignedCert } from './cert';
import { PROVIDER_METHODS } from './gen/tfplugin6';
import type { ProviderMethod, RequestOf, ResponseOf, RpcHandler } from './handlers';
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
  server: grpc.Server;
}

export async function startPluginServer(opts: PluginServerOptions): Promise<PluginServer> {
  const { services, logger } = opts;
  let credentials: grpc.ServerCredentials;
  let certDer: Buffer | undefined;
  if (opts.clientCertPem) {
    const cert = createSelfSignedCert('localhost');
    certDer = cert.der;
    credentials = grpc.ServerCredentials.createSsl(
      Buffer.from(opts.clientCertPem),
      [{ private_key: Buffer.from(cert.keyPem), cert_chain: Buffer.from(cert.certPem) }],
      true, // require and verify Terraform's client certificate
    );
  } else {
    credentials = grpc.ServerCredentials.createInsecure();
  }

  const server = new grpc.Server({
    'grpc.max_receive_message_length': -1,
    'grpc.max_send_message_length': -1,
  });

  // The request is what the method's deserializer decoded (services.ts), i.e. the method's Request
  // message in the generated object form; grpc-js itself only knows untyped handlers.
  const unary = <M extends ProviderMethod>(method: M): grpc.handleUnaryCall<RequestOf<M>, ResponseOf<M>> => {
    return (call, callback) => {
      let h: RpcHandler<M>;
      try {
        h = opts.handler(method);
      } catch (e) {
        callback({ code: grpc.status.INTERNAL, details: String((e as Error)?.message ?? e) });
        return;
      }
      h(call.request).then(
        (res) => callback(null, res),
        (e: unknown) => {
          // Handlers already turn errors into diagnostics; this is the last line of defence.
          logger.error(`${method}: unhandled error`, { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
          callback({ code: grpc.status.INTERNAL, details: String((e as Error)?.message ?? e) });
        },
      );
    };
  };
  const impl: grpc.UntypedServiceImplementation = {};
  for (const method of PROVIDER_METHODS) impl[method] = unary(method);
  server.addService(services.provider, impl);
  server.addService(services.controller, {
    Shutdown: (_call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      logger.debug('Shutdown received');
      callback(null, {});
      // Exit once the answer is on the wire: tryShutdown completes when in-flight calls (this one
      // included) have finished. A fixed short delay raced the send under load, and Terraform then
      // logged a dropped connection. The timer bounds the wait if a call never completes.
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        opts.onShutdown();
      };
      server.tryShutdown(finish);
      setTimeout(finish, 500).unref();
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', credentials, (err, p) => (err ? reject(err) : resolve(p)));
  });
  return { port, line: handshakeLine(port, certDer), server };
}
