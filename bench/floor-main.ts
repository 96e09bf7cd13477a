// `npm run bench -- --quick`: the floor comparison alone (bench/floor.ts). An entry of its own because
// floor.ts is also bundled into the full run (run.ts), where a `require.main === module` check is
// true for every bundled module and would start the comparison at load.
import { runFloor } from './floor';

runFloor(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
