// The acquisition journey's emails, as plain text: the welcome, the proposal, the contract and
// the deposit, with their reminders; and the thanks to the client who referred a lead once it is won.
import { letter, type TemplatesOf } from '../runtime/email-templates';

type QuoteMail = { contactName: string; version: number; total: string; url: string; validUntil: string };
type ContractMail = { contactName: string; url: string; expiresAt: string };
type DepositMail = { contactName: string; amount: string; url: string; dueAt: string };

export type AcquisitionEmails = {
  welcome: { contactName: string; companyName: string; repName?: string };
  quote: QuoteMail;
  'quote-reminder': QuoteMail;
  contract: ContractMail;
  'contract-reminder': ContractMail;
  deposit: DepositMail;
  'deposit-reminder': DepositMail;
  'referral-thanks': { contactName: string; referredCompany: string };
};

export const acquisitionEmails: TemplatesOf<AcquisitionEmails> = {
  welcome: (d) => ({
    subject: 'Thanks for getting in touch',
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
  'referral-thanks': (d) => ({
    subject: 'Thank you for your referral',
    text: letter(d.contactName, [`${d.referredCompany} came to us on your recommendation, and we have just started their project together. Thank you for the trust that took.`]),
  }),
};
