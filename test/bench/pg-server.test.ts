// bench/pg.ts against a real PostgreSQL (skipped, saying why, where its binaries are not installed):
// the server starts as an unprivileged user under root, answers on the conn_str it reports, reads,
// writes and drops a state in the table layout Terraform's pg backend creates, counts the writes,
// and leaves nothing behind when stopped.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { findPgBinaries, pgSchemaFor, startPostgres, type PgServer } from '../../bench/pg';

const bins = findPgBinaries();
const withPg = 'missing' in bins ? test.skip : test;
if ('missing' in bins) console.warn(`skipping the PostgreSQL tests: ${bins.missing}`);

let pg: PgServer | undefined;
afterAll(() => pg?.stop());

withPg(
  'start, a state round trip in the pg backend layout, write counts, stop',
  async () => {
    if ('missing' in bins) return;
    const lines: string[] = [];
    pg = await startPostgres(bins, (m) => lines.push(m));
    expect(pg.connStr).toMatch(/^postgres:\/\/bench@127\.0\.0\.1:\d+\/terraform\?sslmode=disable$/);
    const dataDir = /data in (\S+)/.exec(lines.join('\n'))?.[1];
    expect(dataDir && fs.existsSync(dataDir)).toBe(true);

    // Before `terraform init` there is no table: no state, no writes, and a write says what is missing.
    expect(pg.readState('T')).toBeUndefined();
    expect(pg.writes('T')).toBe(0);
    expect(() => pg!.writeState('T', '{}')).toThrow('no pg state table for "T": run terraform init first');

    // The table as Terraform 1.11's pg backend creates it (internal/backend/remote-state/pg/backend.go).
    const schema = pgSchemaFor('T');
    const ddl = spawnSync(
      bins.psql,
      [
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-d',
        pg.connStr,
        '-c',
        `CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.states (id bigserial PRIMARY KEY, name text UNIQUE, data text)`,
      ],
      { encoding: 'utf8' },
    );
    expect(ddl.stderr).toBe('');
    // A state with what dollar quoting and psql's output must carry through unchanged.
    const state = JSON.stringify(
      { version: 4, serial: 3, note: "it's $$ and $s0$ and \\n and ünïcode", big: 'x'.repeat(200_000) },
      null,
      2,
    );
    pg.writeState('T', state);
    expect(pg.readState('T')).toBe(state);
    pg.writeState('T', state.replace('"serial": 3', '"serial": 4'));
    expect(JSON.parse(pg.readState('T')!)).toMatchObject({ serial: 4 });
    // Table statistics arrive when a session ends; each psql call is a session of its own.
    let writes = 0;
    for (let i = 0; i < 20 && writes < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      writes = pg.writes('T');
    }
    expect(writes).toBe(2);
    pg.clearState('T');
    expect(pg.readState('T')).toBeUndefined();

    pg.stop();
    pg = undefined;
    expect(fs.existsSync(dataDir!)).toBe(false);
  },
  60_000,
);
