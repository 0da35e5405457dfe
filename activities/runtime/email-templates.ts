// The emails journeys send, as plain text. A workflow names a template and passes its data; the
// mail activity renders it, so wording can change without touching workflow code.
type QuoteMail = { contactName: string; version: number; total: string; url: string; validUntil: string };

type ContractMail = { contactName: string; url: string; expiresAt: string };
type DepositMail = { contactName: string; amount: string; url: string; dueAt: string };
type DecisionMail = { contactName: string; title: string; url: string };
type InvoiceMail = { contactName: string; number: string; total: string; balance: string; url: string; dueAt: string };

export type EmailTemplates = {
  welcome: { contactName: string; companyName: string; repName?: string };
  quote: QuoteMail;
  'quote-reminder': QuoteMail;
  contract: ContractMail;
  'contract-reminder': ContractMail;
  deposit: DepositMail;
  'deposit-reminder': DepositMail;
  'decision-request': DecisionMail;
  'decision-reminder': DecisionMail;
  'status-update': { contactName: string; projectName: string; week: number; lines: string[] };
  invoice: InvoiceMail;
  'invoice-reminder': InvoiceMail & { overdue: boolean };
  'late-fee': InvoiceMail & { fee: string };
  receipt: { contactName: string; number: string; amount: string; balance: string };
  'project-signed-off': { contactName: string; projectName: string };
};
export type EmailTemplate = keyof EmailTemplates;

type Rendered = { subject: string; text: string };

const templates: { [T in EmailTemplate]: (d: EmailTemplates[T]) => Rendered } = {
  welcome: (d) => ({
    subject: `Thanks for getting in touch, ${d.contactName}`,
    text: [
      `Hello ${d.contactName},`,
      '',
      `Thank you for telling us about ${d.companyName}'s project. ${d.repName ?? 'One of our team'} will call you within a working day to learn more.`,
      '',
      'Pivotal Flow',
    ].join('\n'),
  }),
  quote: (d) => ({
    subject: `Your proposal (version ${d.version}): ${d.total}`,
    text: [
      `Hello ${d.contactName},`,
      '',
      `Your proposal is ready: ${d.total} in total. Read it, and approve it, ask for changes or decline it here:`,
      d.url,
      '',
      `The proposal is valid until ${d.validUntil.slice(0, 10)}.`,
      '',
      'Pivotal Flow',
    ].join('\n'),
  }),
  contract: (d) => ({
    subject: 'Your contract is ready to sign',
    text: letter(d.contactName, [`Your contract is ready. Read and sign it by ${d.expiresAt.slice(0, 10)} here:`, d.url]),
  }),
  'contract-reminder': (d) => ({
    subject: 'Reminder: your contract awaits your signature',
    text: letter(d.contactName, [`Your contract awaits your signature until ${d.expiresAt.slice(0, 10)}:`, d.url]),
  }),
  deposit: (d) => ({
    subject: `Deposit due: ${d.amount}`,
    text: letter(d.contactName, [`Thank you for signing. The deposit of ${d.amount} is due by ${d.dueAt.slice(0, 10)}. Pay it here:`, d.url]),
  }),
  'deposit-reminder': (d) => ({
    subject: `Reminder: deposit of ${d.amount} due`,
    text: letter(d.contactName, [`The deposit of ${d.amount} is due by ${d.dueAt.slice(0, 10)}:`, d.url]),
  }),
  'decision-request': (d) => ({
    subject: `Your answer, please: ${d.title}`,
    text: letter(d.contactName, [`${d.title} is ready for you. Read it, then accept it or tell us what to change, here:`, d.url]),
  }),
  'decision-reminder': (d) => ({
    subject: `Reminder: ${d.title} awaits your answer`,
    text: letter(d.contactName, [`${d.title} still awaits your answer:`, d.url]),
  }),
  'status-update': (d) => ({
    subject: `${d.projectName}: status, week ${d.week}`,
    text: letter(d.contactName, ['Where your project stands:', ...d.lines.map((l) => `  - ${l}`)]),
  }),
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
  'project-signed-off': (d) => ({
    subject: `${d.projectName} is signed off`,
    text: letter(d.contactName, ['Thank you for signing the project off. Your customer success manager will be in touch about what comes next.']),
  }),
  'quote-reminder': (d) => ({
    subject: `Reminder: your proposal (version ${d.version}) awaits your answer`,
    text: [
      `Hello ${d.contactName},`,
      '',
      `Your proposal of ${d.total} is valid until ${d.validUntil.slice(0, 10)}. Answer it here:`,
      d.url,
      '',
      'Pivotal Flow',
    ].join('\n'),
  }),
};

function letter(name: string, lines: string[]): string {
  return [`Hello ${name},`, '', ...lines, '', 'Pivotal Flow'].join('\n');
}

export function renderEmail<T extends EmailTemplate>(template: T, data: EmailTemplates[T]): Rendered {
  return templates[template](data);
}
