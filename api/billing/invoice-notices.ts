// Finance sends an owed invoice again, or a reminder now (the billing journey sends the scheduled
// ones): each request a short workflow of its own (workflows/billing/invoice-notice.ts) whose id
// is the request's Idempotency-Key, so a request sent twice emails once.
import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { z } from 'zod';
import type { invoiceNotice } from '../../workflows';
import { invoiceNoticeWorkflowId } from '../../workflows/billing/invoice-notice';
import { text } from '../../workflows/runtime/storable-text';
import { balanceDue } from '../../workflows/billing/billing-math';
import type { ApiDeps } from '../app';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { withTemporal } from '../journey-calls';

export const invoiceNoticeBody = z
  .object({ notice: z.enum(['invoice', 'reminder']).meta({ description: '`invoice`: the invoice again, with its pay link; `reminder`: a reminder of what is owed.' }) })
  .strict();

export const idempotencyHeader = z.object({ 'idempotency-key': text(200).optional().meta({ description: 'The same key again (from the same person) sends nothing more.' }) });

export async function sendInvoiceNotice(deps: Pick<ApiDeps, 'db' | 'temporal' | 'config'>, invoiceId: string, notice: 'invoice' | 'reminder', requestedBy: string, requestKey?: string) {
  const invoice = isUuid(invoiceId) ? await deps.db.invoice.findUnique({ where: { id: invoiceId }, include: { customer: { select: { email: true } } } }) : null;
  if (!invoice) throw new AppError('not_found', `No invoice ${invoiceId}`);
  if (!(invoice.status === 'OPEN' || invoice.status === 'PARTIALLY_PAID') || balanceDue(invoice) <= 0) {
    throw new AppError('conflict', `Invoice ${invoice.number} has nothing left to pay: download its PDF for a copy`);
  }
  // The caller's key, scoped to the caller.
  const key = `${requestedBy}:${requestKey ?? randomUUID()}`;
  const workflowId = invoiceNoticeWorkflowId(invoice.id, key);
  try {
    await withTemporal(deps.temporal, () =>
      deps.temporal.workflow.start<typeof invoiceNotice>('invoiceNotice', {
        workflowId,
        taskQueue: deps.config.temporal.taskQueue,
        args: [{ invoiceId: invoice.id, notice, key, requestedBy, at: new Date().toISOString() }],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      }),
    );
    return { status: 'sending' as const, to: invoice.customer.email };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    return { status: 'duplicate' as const, to: invoice.customer.email };
  }
}
