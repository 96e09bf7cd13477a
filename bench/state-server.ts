// A Terraform "http" state backend inside the benchmark runner (node:http on 127.0.0.1, a port
// chosen once per bench process). Terraform's http backend client (Terraform 1.11:
// internal/backend/remote-state/http/client.go) talks to it as follows:
//
//   GET    /state/<name>           200 + the state JSON (with Content-MD5: base64 of its md5), or
//                                 404 (also 204) when there is none: "no state yet";
//   POST   /state/<name>[?ID=..]  store the body (Terraform sends Content-MD5, checked here; 200).
//                                 ID is the lock ID while Terraform holds the lock; an upload
//                                 without the holder's ID while the state is locked gets 423;
//   DELETE /state/<name>          drop the state (200);
//   LOCK   /lock/<name>           body: Terraform's lock info JSON ({"ID": ...}); 200 when free or
//                                 already held by the same ID, else 423 with the holder's lock info
//                                 (Terraform reads it to print "Lock Info: ...");
//   UNLOCK /lock/<name>           body: the lock info of the holder (200, the lock is released);
//                                 empty body = `terraform force-unlock` (200); another ID's info
//                                 while locked: 423 with the holder's info.
//
// States live in memory; the latest body of each is also mirrored to a file (setMirror) so a
// failed run can be inspected. Requests are counted by method (resetStats / stats) so the runner
// can report, for instance, how many state uploads an apply made.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StateServerStats {
  /** Requests by method: GET, POST, DELETE, LOCK, UNLOCK (and any other). */
  requests: Record<string, number>;
  /** Answers by status code. */
  byStatus: Record<string, number>;
  /** Accepted state uploads, their total bytes and the last one's size. */
  uploads: number;
  uploadBytes: number;
  lastUploadBytes: number;
  /** Time spent in the synchronous part of the handlers (hash, store, mirror to file), ms. */
  handlerMs: number;
}

interface LockInfo {
  ID: string;
  [k: string]: unknown;
}

export interface StateServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** `-backend-config=...` arguments for `terraform init` with an empty `backend "http" {}`. */
  backendConfigArgs(name: string): string[];
  /** The stored state of `name` (JSON text), if any. */
  get(name: string): string | undefined;
  /** Store a state directly (as an upload would, without counting it). */
  put(name: string, body: string): void;
  /** Drop the state of `name` and any lock on it: the next apply starts from empty. */
  reset(name: string): void;
  /** Mirror every stored body of `name` to this file (overwritten each time). */
  setMirror(name: string, file: string): void;
  resetStats(): void;
  stats(): StateServerStats;
  close(): Promise<void>;
}

const NAME = /^[A-Za-z0-9._-]+$/;

function md5b64(b: Buffer): string {
  return createHash('md5').update(b).digest('base64');
}

function emptyStats(): StateServerStats {
  return { requests: {}, byStatus: {}, uploads: 0, uploadBytes: 0, lastUploadBytes: 0, handlerMs: 0 };
}

export async function startStateServer(): Promise<StateServer> {
  const states = new Map<string, Buffer>();
  const locks = new Map<string, { info: LockInfo; raw: Buffer }>();
  const mirrors = new Map<string, string>();
  let st = emptyStats();

  const store = (name: string, body: Buffer) => {
    states.set(name, body);
    const file = mirrors.get(name);
    if (file) fs.writeFileSync(file, body);
  };

  const handle = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void => {
    const method = req.method ?? '';
    st.requests[method] = (st.requests[method] ?? 0) + 1;
    const send = (status: number, payload?: Buffer | string, headers: Record<string, string> = {}) => {
      st.byStatus[String(status)] = (st.byStatus[String(status)] ?? 0) + 1;
      const b = payload === undefined ? undefined : Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
      res.writeHead(status, { ...headers, 'Content-Length': String(b?.length ?? 0) });
      res.end(b);
    };
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const m = /^\/(state|lock)\/([^/]+)$/.exec(u.pathname);
    const name = m ? decodeURIComponent(m[2]!) : '';
    if (!m || !NAME.test(name)) return send(404, 'not found\n');
    const held = locks.get(name);
    const sentMd5 = req.headers['content-md5'];
    if (typeof sentMd5 === 'string' && body.length && md5b64(body) !== sentMd5) return send(400, 'Content-MD5 does not match the body\n');

    if (m[1] === 'state') {
      switch (method) {
        case 'GET': {
          const s = states.get(name);
          if (!s) return send(404);
          return send(200, s, { 'Content-Type': 'application/json', 'Content-MD5': md5b64(s) });
        }
        case 'POST':
        case 'PUT': {
          if (held && u.searchParams.get('ID') !== held.info.ID) return send(423, held.raw, { 'Content-Type': 'application/json' });
          if (!body.length) return send(400, 'empty state\n');
          store(name, body);
          st.uploads++;
          st.uploadBytes += body.length;
          st.lastUploadBytes = body.length;
          return send(200);
        }
        case 'DELETE':
          states.delete(name);
          return send(200);
        default:
          return send(405, `${method} not allowed on /state\n`);
      }
    }
    // /lock/<name>
    if (method !== 'LOCK' && method !== 'UNLOCK') return send(405, `${method} not allowed on /lock (LOCK, UNLOCK)\n`);
    let info: LockInfo | null = null;
    if (body.length) {
      try {
        const parsed = JSON.parse(body.toString('utf8')) as LockInfo;
        if (parsed && typeof parsed.ID === 'string' && parsed.ID) info = parsed;
      } catch {
        // handled below
      }
      if (!info) return send(400, 'expected lock info JSON with an ID\n');
    }
    if (method === 'LOCK') {
      if (!info) return send(400, 'expected lock info JSON with an ID\n');
      if (held && held.info.ID !== info.ID) return send(423, held.raw, { 'Content-Type': 'application/json' });
      locks.set(name, { info, raw: body });
      return send(200);
    }
    // UNLOCK: an empty body is terraform force-unlock (its client sends no lock info then).
    if (held && info && held.info.ID !== info.ID) return send(423, held.raw, { 'Content-Type': 'application/json' });
    locks.delete(name);
    return send(200);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const t0 = performance.now();
      try {
        handle(req, Buffer.concat(chunks), res);
      } catch (e) {
        st.byStatus['500'] = (st.byStatus['500'] ?? 0) + 1;
        if (!res.headersSent) res.writeHead(500);
        res.end(String(e));
      }
      st.handlerMs += performance.now() - t0;
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const check = (name: string) => {
    if (!NAME.test(name)) throw new Error(`state name "${name}": expected [A-Za-z0-9._-]+`);
  };
  return {
    url,
    backendConfigArgs(name) {
      check(name);
      // lock_method LOCK and unlock_method UNLOCK are the backend's defaults.
      return [
        `-backend-config=address=${url}/state/${name}`,
        `-backend-config=lock_address=${url}/lock/${name}`,
        `-backend-config=unlock_address=${url}/lock/${name}`,
      ];
    },
    get(name) {
      return states.get(name)?.toString('utf8');
    },
    put(name, body) {
      check(name);
      store(name, Buffer.from(body));
    },
    reset(name) {
      states.delete(name);
      locks.delete(name);
    },
    setMirror(name, file) {
      check(name);
      mirrors.set(name, file);
    },
    resetStats() {
      st = emptyStats();
    },
    stats() {
      return { ...st, requests: { ...st.requests }, byStatus: { ...st.byStatus }, handlerMs: Math.round(st.handlerMs) };
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
