// The retention journey's emails: the welcome to customer success at hand-over, and the referral
// link for a client glad to introduce us. (Check-in
// invitations are the account owner's own; the annual survey goes out as a customer decision.)
// Every email to a client ends with their "get help" link (activities/runtime/email.ts).
import { letter, type TemplatesOf } from '../runtime/email-templates';

export type RetentionEmails = {
  'client-welcome': { contactName: string; projectName: string; warrantyEndsAt: string };
  'referral-invitation': { contactName: string; code: string; url: string };
};

export const retentionEmails: TemplatesOf<RetentionEmails> = {
  'client-welcome': (d) => ({
    subject: 'Welcome: what happens after your project',
    text: letter(d.contactName, [
      `${d.projectName} is signed off, and you are now with our customer success team. We will check in with you regularly to hear how things are going and what you need next.`,
      ...(d.warrantyEndsAt ? [`Your project's warranty runs until ${d.warrantyEndsAt.slice(0, 10)}: anything that does not work as agreed until then, we fix at no charge.`] : []),
      'Whenever you need help, raise a request through the link at the end of this email; you can follow every request you raised there too.',
    ]),
  }),
  'referral-invitation': (d) => ({
    subject: 'Thank you: your referral link',
    text: letter(d.contactName, [
      'Thank you for being glad to introduce us. Pass this link to anyone who could use our help; what they send us through it comes to us as your referral:',
      d.url,
      `Or give them your referral code, ${d.code}, to quote when they contact us. When someone you sent becomes a client, we will let you know.`,
    ]),
  }),
};
