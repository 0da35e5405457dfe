// Emails are plain text. A workflow names a template and passes its data; the mail activity
// renders it, so wording can change without touching workflow code. Each journey kind keeps its
// templates in its own folder (activities/<kind>/emails.ts); these are the runtime's own, for
// customer decisions, which any kind asks, and for tasks assigned to staff.
//
// A subject is the company's own words, numbers, amounts and dates: never text a visitor typed (a
// contact name, a company name, a project named after it, a title built from them). The contact
// form is public, so that text is anyone's, and a subject is what a mail client shows before the
// mail is opened ("Thanks for getting in touch, Claim your refund at http://…"). The body, read in
// context, may greet the customer by the name they gave.
export type Rendered = { subject: string; text: string };

/** Templates by name, each rendering its own data. */
export type TemplatesOf<T> = { [K in keyof T]: (d: T[K]) => Rendered };

/** `form`: the decision's (absent in mail asked for before decisions had forms: accept-or-change). */
type DecisionMail = { contactName: string; title: string; url: string; form?: string };

/** To a member of staff: a task is theirs now (`by`: who assigned it; none: the journey, to its holder). */
type AssignedMail = { name: string; title: string; dueAt: string; url: string; by?: string };

export type RuntimeEmails = {
  'decision-request': DecisionMail;
  'decision-reminder': DecisionMail;
  'task-assigned': AssignedMail;
};

export const runtimeEmails: TemplatesOf<RuntimeEmails> = {
  'decision-request': (d) => ({
    subject: 'Your answer, please',
    text: letter(d.contactName, [
      `${d.title} is ready for you. ${(d.form ?? 'accept-or-change') === 'accept-or-change' ? 'Read it, then accept it or tell us what to change, here:' : 'Read it and give us your answer here:'}`,
      d.url,
    ]),
  }),
  'decision-reminder': (d) => ({
    subject: 'Reminder: we await your answer',
    text: letter(d.contactName, [`${d.title} still awaits your answer:`, d.url]),
  }),
  // The title may carry a customer's words (their company's name): in the body only.
  'task-assigned': (d) => ({
    subject: `A task is yours now, due ${d.dueAt.slice(0, 10)}`,
    text: [`Hello ${d.name},`, '', `${d.by ? `${d.by} gave you` : 'You have'} a task: ${d.title}.`, `It is due ${d.dueAt.slice(0, 16).replace('T', ' ')} UTC. Open it here:`, d.url].join('\n'),
  }),
};

/** A short letter to the customer, signed by the company. */
export function letter(name: string, lines: string[]): string {
  return [`Hello ${name},`, '', ...lines, '', 'Pivotal Flow'].join('\n');
}
