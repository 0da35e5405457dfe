// The billing journey's emails: the invoice, its reminders, the late fee, each receipt and each credit note.
import { letter, type TemplatesOf } from '../runtime/email-templates';

type InvoiceMail = { contactName: string; number: string; total: string; balance: string; url: string; dueAt: string };

export type BillingEmails = {
  invoice: InvoiceMail;
  'invoice-reminder': InvoiceMail & { overdue: boolean };
  'late-fee': InvoiceMail & { fee: string };
  receipt: { contactName: string; number: string; amount: string; balance: string };
  /** `balance` is '' once nothing is owed; `url` the invoice's pay link (shown while something is). */
  'credit-note': { contactName: string; number: string; creditNote: string; amount: string; reason: string; balance: string; url: string };
};

export const billingEmails: TemplatesOf<BillingEmails> = {
  invoice: (d) => ({
    subject: `Invoice ${d.number}: ${d.total} due ${d.dueAt.slice(0, 10)}`,
    text: letter(d.contactName, [`Invoice ${d.number} for ${d.total} is due by ${d.dueAt.slice(0, 10)}. Read and pay it here:`, d.url]),
  }),
  'invoice-reminder': (d) => ({
    subject: `${d.overdue ? 'Overdue' : 'Reminder'}: invoice ${d.number}, ${d.balance} to pay`,
    text: letter(d.contactName, [
      `Invoice ${d.number} ${d.overdue ? 'was' : 'is'} due ${d.dueAt.slice(0, 10)}; ${d.balance} of ${d.total} remains to pay:`,
      d.url,
    ]),
  }),
  'late-fee': (d) => ({
    subject: `Late fee added to invoice ${d.number}`,
    text: letter(d.contactName, [`As our terms provide, a late fee of ${d.fee} has been added to invoice ${d.number}. ${d.balance} remains to pay:`, d.url]),
  }),
  receipt: (d) => ({
    subject: `Receipt: ${d.amount} for invoice ${d.number}`,
    text: letter(d.contactName, [`We have received ${d.amount} for invoice ${d.number}. Thank you.`, d.balance === '' ? 'It is paid in full.' : `${d.balance} remains to pay.`]),
  }),
  // The subject is our numbers and the amount only: the reason is free text, so it stays in the body.
  'credit-note': (d) => ({
    subject: `Credit note ${d.creditNote}: ${d.amount} off invoice ${d.number}`,
    text: letter(d.contactName, [
      `We have issued credit note ${d.creditNote} for ${d.amount} against invoice ${d.number}.`,
      `Reason: ${d.reason}`,
      d.balance === '' ? 'Nothing remains to pay on the invoice.' : `${d.balance} remains to pay:`,
      ...(d.balance === '' ? [] : [d.url]),
    ]),
  }),
};
