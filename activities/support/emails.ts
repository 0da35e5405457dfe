// The support journey's emails: the ticket received (and whether it is billable), each agent reply,
// a nudge while the ticket waits on the customer, and the ticket closed. Every one carries the
// ticket's own link, where the customer reads the conversation, replies or confirms a resolution.
// Subjects name the ticket number only: the subject line is the customer's own words otherwise.
import { letter, type TemplatesOf } from '../runtime/email-templates';

type TicketMail = { contactName: string; number: number; url: string };

export type SupportEmails = {
  'ticket-received': TicketMail & { billable: boolean; warrantyEndsAt: string };
  'ticket-reply': TicketMail & { from: string; body: string; resolved: boolean };
  'ticket-waiting': TicketMail & { resolved: boolean };
  'ticket-closed': TicketMail;
};

export const supportEmails: TemplatesOf<SupportEmails> = {
  'ticket-received': (d) => ({
    subject: `We have your request: ticket T-${d.number}`,
    text: letter(d.contactName, [
      `Thank you for getting in touch. Your ticket is T-${d.number}; follow it, and reply, here:`,
      d.url,
      ...(d.billable
        ? [`The warranty on your project ended ${d.warrantyEndsAt ? d.warrantyEndsAt.slice(0, 10) : 'earlier'}, so time spent on this ticket is billable. We will tell you before starting work.`]
        : []),
    ]),
  }),
  'ticket-reply': (d) => ({
    subject: `${d.resolved ? 'Resolved' : 'Reply'}: ticket T-${d.number}`,
    text: letter(d.contactName, [
      `${d.from} wrote on ticket T-${d.number}:`,
      d.body,
      d.resolved ? 'We think this solves it. Confirm it, or tell us what is still wrong, here:' : 'Reply here:',
      d.url,
    ]),
  }),
  'ticket-waiting': (d) => ({
    subject: `Waiting for you: ticket T-${d.number}`,
    text: letter(d.contactName, [
      d.resolved ? `Is ticket T-${d.number} solved for you? Confirm it or tell us what is still wrong:` : `Ticket T-${d.number} is waiting for your reply:`,
      d.url,
      'Without an answer we will close it soon; you can always raise a new one.',
    ]),
  }),
  'ticket-closed': (d) => ({
    subject: `Closed: ticket T-${d.number}`,
    text: letter(d.contactName, [`Ticket T-${d.number} is closed. The conversation stays here:`, d.url]),
  }),
};
