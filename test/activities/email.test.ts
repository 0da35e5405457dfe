// The mail activity against a real PostgreSQL and a local SMTP server (smtp-server, the stand-in
// for a mail relay): an email is sent once per key however often the activity runs.
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { emailTemplates } from '../../activities/registry';
import { createEmailActivities } from '../../activities/runtime/email';
import { loadConfig } from '../../platform/config';
import { createDb } from '../../platform/db';

const db = createDb(process.env.DATABASE_URL!);
const received: Array<{ to: string[]; raw: string }> = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (c: Buffer) => (raw += c.toString()));
    stream.on('end', () => {
      // Undo quoted-printable soft line breaks, so the body reads as written.
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: raw.replace(/=\r?\n/g, '') });
      callback();
    });
  },
});
let smtpUrl: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(resolve));
  await db.$disconnect();
});

const welcome = (key: string) => ({
  key,
  to: 'nancy@northwind.test',
  template: 'welcome' as const,
  data: { contactName: 'Nancy', companyName: 'Northwind', repName: 'Sam Sales' },
});

it('sends through SMTP once per key, however often the activity is retried', async () => {
  const { sendEmail } = createEmailActivities({ db, templates: emailTemplates, config: loadConfig({ SMTP_URL: smtpUrl, MAIL_FROM: 'Flow <flow@pivotal.test>' }) });
  const key = `test:${randomUUID()}`;
  expect(await sendEmail(welcome(key))).toEqual({ status: 'SENT' });
  expect(await sendEmail(welcome(key))).toEqual({ status: 'SENT' });
  const mine = received.filter((m) => m.raw.includes('Sam Sales will call you'));
  expect(mine).toHaveLength(1);
  expect(mine[0]!.to).toEqual(['nancy@northwind.test']);
  expect(mine[0]!.raw).toMatch(/^Subject: Thanks for getting in touch$/m); // no visitor text in a subject (README, "Defences")
  expect(mine[0]!.raw).toMatch(/^From: Flow <flow@pivotal.test>/m);
  const row = await db.email.findUniqueOrThrow({ where: { key } });
  expect(row).toMatchObject({ status: 'SENT', to: 'nancy@northwind.test', template: 'welcome' });
  expect(row.sentAt).not.toBeNull();
});

it('keeps the email in the outbox when no SMTP server is configured', async () => {
  const before = received.length;
  const { sendEmail } = createEmailActivities({ db, templates: emailTemplates, config: loadConfig({}) });
  const key = `test:${randomUUID()}`;
  expect(await sendEmail(welcome(key))).toEqual({ status: 'OUTBOX' });
  expect(await sendEmail(welcome(key))).toEqual({ status: 'OUTBOX' });
  expect(await db.email.count({ where: { key } })).toBe(1);
  expect(received.length).toBe(before);
});
