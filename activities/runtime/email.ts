// The one mail activity. Each email is keyed by the workflow (e.g. `<journeyId>:welcome`), so a
// retried activity sends nothing twice: the row is written first, and a row already SENT or in
// the OUTBOX is left alone. With SMTP_URL it goes out through SMTP (nodemailer); without, the
// Email table is the outbox, shown in the admin UI. Every email to a client (a customer with a
// signed contract) ends with their "get help" link, where they raise and follow support tickets.
import nodemailer from 'nodemailer';
import type { Config } from '../../platform/config';
import { createLinkToken } from '../../platform/customer-links';
import type { Db } from '../../platform/db';
import type { EmailTemplate, EmailTemplates } from '../registry';
import type { Rendered } from './email-templates';

export type SendEmailInput<T extends EmailTemplate = EmailTemplate> = {
  key: string;
  journeyId?: string;
  to: string;
  template: T;
  data: EmailTemplates[T];
};

/** A client's help link keeps working this long from the email that carries it. */
const HELP_LINK_DAYS = 2 * 365;

/** The "get help" footer for a client's email; none for anyone else (a lead has nothing to get help with yet). */
async function helpFooter(db: Db, config: Config, to: string, journeyId: string | undefined): Promise<string> {
  const client = await db.customer.findFirst({ where: { email: to, clientSince: { not: null } }, select: { id: true } });
  if (!client) return '';
  const token = createLinkToken(config.auth.secret, {
    purpose: 'support-help',
    journeyId: journeyId ?? `customer:${client.id}`,
    subject: client.id,
    exp: Date.now() + HELP_LINK_DAYS * 24 * 60 * 60 * 1000,
  });
  return `\n\n--\nNeed help? Ask us, and follow your requests, here: ${config.http.publicUrl}/customer/help/${token}`;
}

/** `templates`: every kind's, from the activity registry. */
export function createEmailActivities({ db, config, templates }: { db: Db; config: Config; templates: { [T in EmailTemplate]: (data: EmailTemplates[T]) => Rendered } }) {
  const smtp = config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : undefined;

  return {
    async sendEmail<T extends EmailTemplate>(input: SendEmailInput<T>): Promise<{ status: 'SENT' | 'OUTBOX' }> {
      const { subject, text } = templates[input.template](input.data);
      const footer = await helpFooter(db, config, input.to, input.journeyId);
      await db.email.createMany({
        data: [{ key: input.key, journeyId: input.journeyId, template: input.template, to: input.to, subject, text: text + footer }],
        skipDuplicates: true,
      });
      const email = await db.email.findUniqueOrThrow({ where: { key: input.key } });
      if (email.status !== 'QUEUED') return { status: email.status };
      if (!smtp) {
        await db.email.update({ where: { id: email.id }, data: { status: 'OUTBOX' } });
        return { status: 'OUTBOX' };
      }
      // One Message-ID per email row (so per key): a resend after a crash is recognisable as the same mail.
      const sent = await smtp.sendMail({
        from: config.mail.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        messageId: `<${email.id}@pivotal-flow>`,
      });
      await db.email.update({ where: { id: email.id }, data: { status: 'SENT', messageId: sent.messageId, sentAt: new Date() } });
      return { status: 'SENT' };
    },
  };
}

export type EmailActivities = ReturnType<typeof createEmailActivities>;
