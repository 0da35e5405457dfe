// Emails are plain text. A workflow names a template and passes its data; the mail activity
// renders it, so wording can change without touching workflow code. Each journey kind keeps its
// templates in its own folder (activities/<kind>/emails.ts); these are the runtime's own, for
// customer decisions, which any kind asks.
export type Rendered = { subject: string; text: string };

/** Templates by name, each rendering its own data. */
export type TemplatesOf<T> = { [K in keyof T]: (d: T[K]) => Rendered };

type DecisionMail = { contactName: string; title: string; url: string };

export type RuntimeEmails = {
  'decision-request': DecisionMail;
  'decision-reminder': DecisionMail;
};

export const runtimeEmails: TemplatesOf<RuntimeEmails> = {
  'decision-request': (d) => ({
    subject: `Your answer, please: ${d.title}`,
    text: letter(d.contactName, [`${d.title} is ready for you. Read it, then accept it or tell us what to change, here:`, d.url]),
  }),
  'decision-reminder': (d) => ({
    subject: `Reminder: ${d.title} awaits your answer`,
    text: letter(d.contactName, [`${d.title} still awaits your answer:`, d.url]),
  }),
};

/** A short letter to the customer, signed by the company. */
export function letter(name: string, lines: string[]): string {
  return [`Hello ${name},`, '', ...lines, '', 'Pivotal Flow'].join('\n');
}
