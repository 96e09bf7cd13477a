// The pg backend's PostgreSQL finder and launcher (bench/pg.ts): where it looks for the binaries, what
// it says when they are missing, how it drops root, and the conn_str / schema_name Terraform gets.
import { findPgBinaries, pgBackendConfigArgs, pgConnStr, pgSchemaFor, pgSearchDirs, runAsFor, type FinderFs } from '../../bench/pg';

/** A file system holding exactly these executables. */
function fakeFs(files: string[]): FinderFs {
  return {
    isExecutable: (f) => files.includes(f),
    subdirs: (dir) =>
      dir === '/usr/lib/postgresql'
        ? [...new Set(files.filter((f) => f.startsWith('/usr/lib/postgresql/')).map((f) => f.split('/')[4]!))]
        : [],
  };
}

describe('findPgBinaries', () => {
  test("Debian's versioned dirs, newest first, after PATH; psql from the server's own dir", () => {
    const fsys = fakeFs(['13', '15', '9.6'].flatMap((v) => ['initdb', 'pg_ctl', 'psql'].map((t) => `/usr/lib/postgresql/${v}/bin/${t}`)));
    expect(pgSearchDirs({ PATH: '/usr/bin:/bin' }, fsys)).toEqual([
      '/usr/bin',
      '/bin',
      '/usr/lib/postgresql/15/bin',
      '/usr/lib/postgresql/13/bin',
      '/usr/lib/postgresql/9.6/bin',
    ]);
    expect(findPgBinaries({ PATH: '/usr/bin:/bin' }, fsys)).toEqual({
      dir: '/usr/lib/postgresql/15/bin',
      initdb: '/usr/lib/postgresql/15/bin/initdb',
      pgCtl: '/usr/lib/postgresql/15/bin/pg_ctl',
      psql: '/usr/lib/postgresql/15/bin/psql',
    });
  });

  test('PATH before Debian dirs; psql found elsewhere when the server dir lacks it', () => {
    const fsys = fakeFs([
      '/opt/pg/bin/initdb',
      '/opt/pg/bin/pg_ctl',
      '/usr/bin/psql',
      '/usr/lib/postgresql/15/bin/initdb',
      '/usr/lib/postgresql/15/bin/pg_ctl',
    ]);
    expect(findPgBinaries({ PATH: '/opt/pg/bin:/usr/bin' }, fsys)).toMatchObject({ dir: '/opt/pg/bin', psql: '/usr/bin/psql' });
  });

  test('PG_BIN wins, and a PG_BIN without the binaries is reported, not passed over', () => {
    const fsys = fakeFs(['/srv/pg/initdb', '/srv/pg/pg_ctl', '/srv/pg/psql', '/usr/bin/initdb', '/usr/bin/pg_ctl']);
    expect(findPgBinaries({ PG_BIN: '/srv/pg', PATH: '/usr/bin' }, fsys)).toMatchObject({ dir: '/srv/pg' });
    const wrong = findPgBinaries({ PG_BIN: '/nowhere', PATH: '/usr/bin' }, fsys);
    expect(wrong).toEqual({ missing: expect.stringMatching(/^PG_BIN=\/nowhere does not hold initdb and pg_ctl\./) as unknown });
  });

  test('nothing installed: the message names what is missing, where it looked and how to install it', () => {
    const r = findPgBinaries({ PATH: '/usr/bin:/bin' }, fakeFs(['/usr/bin/psql']));
    if (!('missing' in r)) throw new Error(`found ${r.dir}`);
    expect(r.missing).toContain("PostgreSQL's initdb and pg_ctl not found");
    expect(r.missing).toContain('/usr/bin, /bin');
    expect(r.missing).toContain('`apt-get install postgresql`');
    expect(r.missing).toContain('PG_BIN');
    expect(r.missing).toMatch(/Skipping the pg backend\.$/);
    // A server but no client anywhere: psql is what is missing.
    const noPsql = findPgBinaries({ PATH: '/x' }, fakeFs(['/x/initdb', '/x/pg_ctl']));
    expect(noPsql).toEqual({ missing: expect.stringContaining("PostgreSQL's psql not found") as unknown });
  });
});

describe('conn_str and schema_name', () => {
  test('loopback, no password, TLS off (the pg backend would otherwise require it)', () => {
    expect(pgConnStr(54321)).toBe('postgres://bench@127.0.0.1:54321/terraform?sslmode=disable');
    expect(() => pgConnStr(0)).toThrow('pg port: expected 1-65535, got 0');
    expect(() => pgConnStr(70000)).toThrow(/got 70000/);
  });

  test('one schema per state, lower-case and safe unquoted; bad state names are refused', () => {
    expect(pgSchemaFor('S')).toBe('bench_s');
    expect(pgSchemaFor('L.chunk-003')).toBe('bench_l_chunk_003');
    expect(pgSchemaFor('x'.repeat(100))).toHaveLength(63);
    expect(() => pgSchemaFor("S'; DROP")).toThrow(/state name "S'; DROP": expected/);
    expect(pgBackendConfigArgs('postgres://bench@127.0.0.1:5/terraform?sslmode=disable', 'S-apply')).toEqual([
      '-backend-config=conn_str=postgres://bench@127.0.0.1:5/terraform?sslmode=disable',
      '-backend-config=schema_name=bench_s_apply',
    ]);
  });
});

describe('runAsFor: PostgreSQL refuses root', () => {
  const passwd = 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n';

  test('as root: the unprivileged user through setpriv, else runuser', () => {
    const viaSetpriv = runAsFor(0, passwd, 'nobody', { setpriv: '/usr/bin/setpriv', runuser: '/usr/sbin/runuser' });
    if ('missing' in viaSetpriv) throw new Error(viaSetpriv.missing);
    expect(viaSetpriv).toMatchObject({ uid: 65534, gid: 65534, name: 'nobody' });
    expect(viaSetpriv.wrap('/pg/initdb', ['-D', '/d'])).toEqual([
      '/usr/bin/setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', '--', '/pg/initdb', '-D', '/d'],
    ]);
    const viaRunuser = runAsFor(0, passwd, 'nobody', { runuser: '/usr/sbin/runuser' });
    if ('missing' in viaRunuser) throw new Error(viaRunuser.missing);
    expect(viaRunuser.wrap('/pg/pg_ctl', ['start'])).toEqual(['/usr/sbin/runuser', ['-u', 'nobody', '--', '/pg/pg_ctl', 'start']]);
  });

  test('as root without a usable user or tool: a message that says which', () => {
    const missing = (r: ReturnType<typeof runAsFor>) => ('missing' in r ? r.missing : `runs as ${r.name}`);
    expect(missing(runAsFor(0, passwd, 'postgres', { setpriv: '/s' }))).toContain('user "postgres" (PG_RUN_AS) is not in /etc/passwd');
    expect(missing(runAsFor(0, passwd, 'root', { setpriv: '/s' }))).toContain('PG_RUN_AS=root is root');
    expect(missing(runAsFor(0, passwd, 'nobody', {}))).toContain('neither setpriv nor runuser');
  });

  test('not root: runs the command as is', () => {
    const me = runAsFor(1000, passwd, 'nobody', {});
    if ('missing' in me) throw new Error(me.missing);
    expect(me.wrap('/pg/initdb', ['-D', '/d'])).toEqual(['/pg/initdb', ['-D', '/d']]);
  });
});
