// The `portsip` CLI. Each command lives in its own file and registers itself here.
import { Command } from 'commander';
import { registerDriftCommand } from './drift';
import { VERSION } from '../common/version';
import { registerEmulatorCommand } from './emulator';
import { registerExportCommand } from './export';
import { registerGuardCommand } from './guard';
import { registerNotificationCommands } from './notification';
import { registerProviderCommands } from './provider-install';

export function buildProgram(): Command {
  const program = new Command('portsip')
    .description('PortSIP PBX tooling: API emulator, Terraform provider install, drift reports and plan guard')
    .version(VERSION, '-V, --version', 'print the version (the provider and CLI share it)')
    .showHelpAfterError();
  registerEmulatorCommand(program);
  registerProviderCommands(program);
  registerNotificationCommands(program);
  registerDriftCommand(program);
  registerGuardCommand(program);
  registerExportCommand(program);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  await buildProgram().parseAsync(argv);
}

// Run when executed directly (dist/cli.js); bin/portsip requires the bundle and calls main().
if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`portsip: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
