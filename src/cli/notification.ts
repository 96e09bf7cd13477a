// `portsip notification test-email`: ask the PBX to send a test email through its configured mail
// server (Op 15, POST /api/admin/notification/test_email). A CLI command, not a resource: sending an
// email is an action with no state to converge (docs/design.md "Resource behaviour").
//
// It connects like the provider (src/cli/connect.ts): the same PORTSIP_* variables, the CA and TLS
// settings included, so a CI job that runs terraform can run this with nothing more.
import { type Command, InvalidArgumentError } from 'commander';
import { PortsipError } from '../client';
import type { ObjectValue } from '../provider/values';
import { connect, providerConfig, type ConnectFlags } from './connect';

export interface TestEmailFlags extends ConnectFlags {
  to: string;
  subject: string;
  content: string;
  /** `--insecure`: the provider's `insecure_skip_verify`. */
  insecure?: boolean;
}

export interface TestEmailRequest {
  /** The provider block the flags stand for (the environment fills the rest). */
  config: ObjectValue;
  mail: { recipient: string; subject: string; content: string };
}

/** Flags -> the request, or an error naming the bad flag (exported for tests). Credentials are checked by connect(). */
export function testEmailRequest(f: TestEmailFlags, cwd = process.cwd()): TestEmailRequest {
  if (!/^[^@\s]+@[^@\s]+$/.test(f.to)) throw new InvalidArgumentError(`--to must be an email address; got "${f.to}"`);
  return {
    config: providerConfig({ ...f, insecureSkipVerify: f.insecure === true || f.insecureSkipVerify === true }, cwd),
    mail: { recipient: f.to, subject: f.subject, content: f.content },
  };
}

/** Sends the test email; resolves with the endpoint when the PBX accepted it. */
export async function sendTestEmail(req: TestEmailRequest, env: NodeJS.ProcessEnv, signal = new AbortController().signal): Promise<void> {
  const ctx = await connect(req.config, env, signal);
  const client = ctx.client;
  try {
    await client.notification.testEmail(req.mail);
  } finally {
    await client.close().catch(() => undefined);
  }
}

export function registerNotificationCommands(program: Command): Command {
  const notification = program.command('notification').description('system notification (mail server) actions');
  notification
    .command('test-email')
    .description('send a test email through the mail server configured on the PBX (portsip_notification_settings)')
    .requiredOption('--to <address>', 'recipient email address')
    .option('--subject <text>', 'subject', 'PortSIP test email')
    .option('--content <text>', 'body text', 'This is a test email sent by `portsip notification test-email`.')
    .option('--endpoint <url>', 'PBX API URL (default: PORTSIP_ENDPOINT)')
    .option('--username <name>', 'admin user name (default: PORTSIP_USERNAME); the password is read from PORTSIP_PASSWORD only')
    .option('--ca-cert <file>', 'PEM file of the CA that signed the PBX certificate (default: PORTSIP_CA_CERT_FILE / PORTSIP_CA_CERT_PEM)')
    .option('--insecure', 'skip TLS verification of the endpoint (never the default)')
    .action(async (f: TestEmailFlags) => {
      const req = testEmailRequest(f);
      try {
        await sendTestEmail(req, process.env);
      } catch (e) {
        // The PBX answers 4XX when no mail server is configured: say what to do about it.
        const hint =
          e instanceof PortsipError && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 403
            ? ' (is a mail server configured? see portsip_notification_settings)'
            : '';
        throw new Error(`test email not sent: ${e instanceof Error ? e.message : String(e)}${hint}`, { cause: e });
      }
      process.stdout.write(`Test email to ${req.mail.recipient} accepted by the PBX\n`);
    });
  return notification;
}
