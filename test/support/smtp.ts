/**
 * A real SMTP server for tests (the `smtp-server` package) on 127.0.0.1 and a random port: what
 * it is sent is parsed back with `mailparser`, and it can be told to refuse mail, as a full or
 * failing mail server would.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import { deliverDueEmails, smtpTransport } from '../../server/email/sender.ts';
import type { Harness } from './harness.ts';

export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>`: what SMTP_URL names. */
  url: string;
  received: ParsedMail[];
  /** While true, every message is refused with a 451. */
  refusing: boolean;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const smtp: TestSmtp = {
    url: '',
    received: [],
    refusing: false,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (smtp.refusing) {
          const refused = Object.assign(new Error('Mailbox unavailable, try again later'), {
            responseCode: 451,
          });
          callback(refused);
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            smtp.received.push(mail);
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtp.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return smtp;
}

export interface Mailbox {
  /** Started before the suite's tests, closed after them. */
  smtp: TestSmtp;
  /** Runs the app's delivery pass (as at `at`) to the server; what the pass reports. */
  pass(at?: Date): ReturnType<typeof deliverDueEmails>;
  /** Runs a delivery pass; what arrived in it. */
  deliver(at?: Date): Promise<ParsedMail[]>;
}

/** The suite's mail server, and the pass that sends the app's due email to it. */
export function useMailbox(h: Pick<Harness, 'db' | 'config'>): Mailbox {
  const mailbox = {
    pass: (at?: Date) =>
      deliverDueEmails(h.db, {
        transport: smtpTransport(mailbox.smtp.url),
        publicUrl: h.config.publicUrl,
        ...(at ? { at } : {}),
      }),
    async deliver(at?: Date) {
      const before = mailbox.smtp.received.length;
      await mailbox.pass(at);
      return mailbox.smtp.received.slice(before);
    },
  } as Mailbox;
  beforeAll(async () => {
    mailbox.smtp = await startSmtp();
  });
  afterAll(() => mailbox.smtp.close());
  return mailbox;
}
