// An invoice sent again, or a reminder sent now, at finance's request (POST
// /api/invoices/:id/notices): a workflow of its own per request (its id is the request's), so the
// invoice's billing journey, which sends the scheduled reminders, is left as it is, and a request
// repeated sends one email.
import { proxyActivities } from '@temporalio/workflow';
import type { BillingActivities, InvoiceNoticeInput } from '../../activities/billing/invoices';
import type { EmailActivities } from '../../activities/runtime/email';
import { mailActivityOptions, recordActivityOptions } from '../runtime/journey';

const { prepareInvoiceNotice } = proxyActivities<BillingActivities>(recordActivityOptions);
const { sendEmail } = proxyActivities<EmailActivities>(mailActivityOptions);

export const invoiceNoticeWorkflowId = (invoiceId: string, key: string) => `invoice-notice:${invoiceId}:${key}`;

export async function invoiceNotice(input: InvoiceNoticeInput): Promise<{ to: string }> {
  const { journeyId, to, mail } = await prepareInvoiceNotice(input);
  const key = `${journeyId}:invoice:${input.notice}:${input.key}`;
  if (input.notice === 'invoice') await sendEmail({ key, journeyId, to, template: 'invoice', data: mail });
  else await sendEmail({ key, journeyId, to, template: 'invoice-reminder', data: mail });
  return { to };
}
