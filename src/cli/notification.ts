// `portsip notification test-email`: ask the PBX to send a test email through its configured mail
// server (Op 15, POST /api/admin/notification/test_email). A CLI command, not a resource: sending an
// email is an action with no state to converge (docs/design.md "Resource behaviour").
//
// Credentials come from flags or the same PORTSIP_* variables the provider reads, so a CI job that
// runs terraform can run this with nothing more. The password has no flag on purpose: flags end up
// in shell history and `ps` output.
import { type Command, InvalidArgumentError } from 'commander';
import { PortsipClient, PortsipError } from '../client';

export interface TestEmailFlags {
  endpoint?: string;
  username?: string;
  to: string;
  subject: string;
  content: string;
  insecure?: boolean;
}

export interface TestEmailRequest {
  endpoint: string;
  username: string;
  password: string;
  insecureSkipVerify: boolean;
  mail: { recipient: string; subject: string; content: string };
}

/** Flags + environment -> the request, or an error naming what is missing (exported for tests). */
export function testEmailRequest(f: TestEmailFlags, env: NodeJS.ProcessEnv): TestEmailRequest {
  const endpoint = f.endpoint ?? env.PORTSIP_ENDPOINT;
  const username = f.username ?? env.PORTSIP_USERNAME;
  const password = env.PORTSIP_PASSWORD;
  const missing = [
    !endpoint && '--endpoint or PORTSIP_ENDPOINT',
    !username && '--username or PORTSIP_USERNAME',
    !password && 'PORTSIP_PASSWORD',
  ].filter(Boolean);
  if (missing.length) throw new InvalidArgumentError(`missing ${missing.join(', ')}`);
  if (!/^[^@\s]+@[^@\s]+$/.test(f.to)) throw new InvalidArgumentError(`--to must be an email address; got "${f.to}"`);
  return {
    endpoint: endpoint!,
    username: username!,
    password: password!,
    insecureSkipVerify: f.insecure === true,
    mail: { recipient: f.to, subject: f.subject, content: f.content },
  };
}

/** Sends the test email; resolves when the PBX accepted it. */
export async function sendTestEmail(req: TestEmailRequest): Promise<void> {
  const client = new PortsipClient({
    endpoint: req.endpoint,
    username: req.username,
    password: req.password,
    insecureSkipVerify: req.insecureSkipVerify,
  });
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
    .option('--insecure', 'skip TLS verification of the endpoint (never the default)')
    .action(async (f: TestEmailFlags) => {
      const req = testEmailRequest(f, process.env);
      try {
        await sendTestEmail(req);
      } catch (e) {
        // The PBX answers 4XX when no mail server is configured: say what to do about it.
        const hint =
          e instanceof PortsipError && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 403
            ? ' (is a mail server configured? see portsip_notification_settings)'
            : '';
        throw new Error(`test email not sent: ${e instanceof Error ? e.message : String(e)}${hint}`, { cause: e });
      }
      process.stdout.write(`Test email to ${req.mail.recipient} accepted by ${req.endpoint}\n`);
    });
  return notification;
}
