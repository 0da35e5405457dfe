// The API speaks ra-data-simple-rest's contract under /api (same origin: the session cookie goes
// along, and the Content-Range header is readable). Lists and records use the simple-REST reads and
// the knowledge base its create and delete; an edit is a PATCH of what changed; each journey command
// is a method of its own.
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type UpdateParams } from 'react-admin';
import type { ApiError, ChangeRequest, ClientAccount, CreditNote, SearchResults, Task, TaskComment, TicketPriority, TimeEntry } from './types';
import type { OpportunitySource } from '../../workflows/acquisition/repeat-business';
import type { NewSavedView, SavedView, SavedViewChange } from './types';

export type NewTicket = { customerId: string; subject: string; description: string; category: string; priority: TicketPriority; projectId?: string };
/** Time worked, as the API takes it: hours in quarter steps, the hourly rate in minor units. */
export type NewTimeEntry = { date: string; hours: number; rateMinor: number; description: string };
export type TicketReply = { id: string; body: string; internal: boolean; then?: 'open' | 'waiting-on-customer' | 'resolved' };

const apiUrl = '/api';

/** fetchJson, but errors carry the API's own message ({ error: { message } }) instead of the status text. */
export const httpClient = (url: string, options?: fetchUtils.Options) =>
  fetchUtils.fetchJson(url, options).catch((err: unknown) => {
    if (err instanceof HttpError) {
      const message = (err.body as Partial<ApiError> | undefined)?.error?.message;
      if (message) throw new HttpError(message, err.status, err.body);
    }
    throw err;
  });

const post = <T>(path: string, body?: object, headers?: Record<string, string>) =>
  httpClient(`${apiUrl}${path}`, {
    method: 'POST',
    body: body && JSON.stringify(body),
    ...(headers && { headers: new Headers({ Accept: 'application/json', ...headers }) }),
  }).then(({ json }) => json as T);

/**
 * A 400's field errors where react-admin's forms look for server-side validation (`body.errors`,
 * by field name; one about the whole body under `root`), beside the API's own `error`.
 */
const withFormErrors = <T>(write: Promise<T>) =>
  write.catch((err: unknown) => {
    const fields = apiFieldErrors(err);
    if (!(err instanceof HttpError) || !fields.length) throw err;
    const errors = Object.fromEntries(fields.map((f) => (f.field === '(body)' ? ['root', { serverError: f.message }] : [f.field, f.message])));
    throw new HttpError(err.message, err.status, { ...(err.body as object), errors });
  });

/** The fields an edit changed: the API's PATCH takes those only (and refuses read-only ones such as `id`). */
const changedFields = ({ data, previousData }: Pick<UpdateParams, 'data' | 'previousData'>) =>
  Object.fromEntries(Object.entries(data as object).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(previousData?.[key])));

const simpleRest = simpleRestProvider(apiUrl, httpClient);

const taskPath = (id: string, action: string) => `/tasks/${encodeURIComponent(id)}/${action}`;
const ticketPath = (id: string, action: string) => `/tickets/${encodeURIComponent(id)}/${action}`;
const savedViewPath = (id: string) => `${apiUrl}/saved-views/${encodeURIComponent(id)}`;
const accountPath = (customerId: string) => `/customers/${encodeURIComponent(customerId)}/account`;
/** Where a ticket is after a change: its stage, or closed. */
type TicketAnswer = { status: string };

export const dataProvider = {
  ...simpleRest,
  create: ((resource, params) => withFormErrors(simpleRest.create(resource, params))) as typeof simpleRest.create,
  update: ((resource, params) =>
    withFormErrors(
      httpClient(`${apiUrl}/${resource}/${encodeURIComponent(params.id)}`, { method: 'PATCH', body: JSON.stringify(changedFields(params)) }).then(
        ({ json }) => ({ data: json }),
      ),
    )) as typeof simpleRest.update,

  claimTask: (id: string) => post<Task>(taskPath(id, 'claim')),
  unclaimTask: (id: string) => post<Task>(taskPath(id, 'unclaim')),
  /** `null` hands the task back to its queue. */
  assignTask: (id: string, assignee: string | null, reason?: string) => post<Task>(taskPath(id, 'assign'), { assignee, ...(reason && { reason }) }),
  /** `dueAt`: an ISO date-time; the journey moves the task's deadlines not yet passed by as much. */
  changeTaskDue: (id: string, dueAt: string, reason?: string) => post<Task>(taskPath(id, 'due'), { dueAt, ...(reason && { reason }) }),
  /** Resolves when the journey accepted the result; rejects with an HttpError whose body is an ApiError. */
  completeTask: (id: string, result: object) => post<{ taskId: string; completedAt: string }>(taskPath(id, 'complete'), { result }),
  /** `comment.id` is chosen by the browser, so a repeated submit stores the comment once. */
  commentOnTask: (id: string, comment: { id: string; body: string }) => post<TaskComment>(taskPath(id, 'comments'), comment),
  cancelJourney: (id: string, reason: string) => post<{ status: string }>(`/journeys/${encodeURIComponent(id)}/cancel`, { reason }),
  /** A FAILED journey runs again from the step that failed (Temporal's reset). */
  retryJourney: (id: string, reason: string) => post<{ status: string; runId: string }>(`/journeys/${encodeURIComponent(id)}/retry`, { reason }),
  markNotificationRead: (id: string) => post<void>(`/notifications/${encodeURIComponent(id)}/read`),
  /** `key` is chosen once per form: sent again (a double click, a retry), it raises one ticket. */
  raiseTicket: (ticket: NewTicket, key: string) => post<{ journeyId: string }>('/tickets', ticket, { 'Idempotency-Key': key }),
  /** `reply.id` is chosen once per draft: sent twice, it is one message (and one email). */
  replyToTicket: (id: string, reply: TicketReply) => post<TicketAnswer>(ticketPath(id, 'replies'), reply),
  triageTicket: (id: string, change: { priority?: TicketPriority; queue?: string; assigneeId?: string | null; reason: string }) =>
    post<TicketAnswer>(ticketPath(id, 'triage'), change),
  /** The caller's key makes a repeat record once. */
  recordTicketTime: (id: string, entry: NewTimeEntry, key: string) => post<TimeEntry>(ticketPath(id, 'time-entries'), entry, { 'Idempotency-Key': key }),
  recordMilestoneTime: (milestoneId: string, entry: NewTimeEntry, key: string) => post<TimeEntry>('/time-entries', { ...entry, milestoneId }, { 'Idempotency-Key': key }),
  raiseChangeRequest: (journeyId: string, change: { title: string; description: string; costMinor: number; days: number }) =>
    post<ChangeRequest>(`/journeys/${encodeURIComponent(journeyId)}/change-requests`, change),
  /** The customer's account with customer success; null for a customer never handed over. */
  getAccount: (customerId: string) =>
    httpClient(`${apiUrl}${accountPath(customerId)}`).then(
      ({ json }) => json as ClientAccount,
      (err: unknown) => {
        if (err instanceof HttpError && err.status === 404) return null;
        throw err;
      },
    ),
  changeAccount: (customerId: string, change: { ownerId?: string | null; earlyCadence?: 'biweekly' | 'monthly' }) =>
    httpClient(`${apiUrl}${accountPath(customerId)}`, { method: 'PATCH', body: JSON.stringify(change) }).then(({ json }) => json as ClientAccount),
  /** A signed contract's last day (null: none); the client's account opens its renewal before it. */
  setContractTerm: (contractId: string, endsOn: string | null) =>
    httpClient(`${apiUrl}/contracts/${encodeURIComponent(contractId)}`, { method: 'PATCH', body: JSON.stringify({ endsOn }) }).then(({ json }) => json as ClientAccount['contracts'][number]),
  issueReferralCode: (customerId: string) => post<ClientAccount>(`${accountPath(customerId)}/referral-code`, {}),
  endAccount: (customerId: string, reason: string) => post<{ status: 'ending' }>(`${accountPath(customerId)}/end`, { reason }),
  /** Repeat business: a new acquisition journey for the client at discovery. `id` makes a resend the same request. */
  openOpportunity: (customerId: string, opportunity: { id: string; projectType: string; budgetRange: string; timeline: string; description: string; source: OpportunitySource }) =>
    post<{ customerId: string; journeyId: string }>(`${accountPath(customerId)}/opportunities`, opportunity),
  /** A bank transfer received for an invoice; its `reference` makes a resend count once. */
  recordBankTransfer: (invoiceId: string, transfer: { amountMinor: number; reference: string; receivedOn: string }) =>
    post<{ status: 'recorded' | 'duplicate'; balanceMinor: number }>(`/invoices/${encodeURIComponent(invoiceId)}/payments`, transfer),
  /** A credit note on the invoice; `key` is chosen when the dialog opens, so a double click issues one. */
  issueCreditNote: (invoiceId: string, note: { amountMinor: number; reason: string }, key: string) =>
    post<{ creditNote: CreditNote; balanceMinor: number }>(`/invoices/${encodeURIComponent(invoiceId)}/credit-notes`, note, { 'Idempotency-Key': key }),
  /** The invoice emailed again, or a reminder now; `key` is chosen per click, so a double click sends one. */
  sendInvoiceNotice: (invoiceId: string, notice: 'invoice' | 'reminder', key: string) =>
    post<{ status: 'sending' | 'duplicate'; to: string }>(`/invoices/${encodeURIComponent(invoiceId)}/notices`, { notice }, { 'Idempotency-Key': key }),
  /** The app bar's search: the best few customers, journeys, tasks, invoices and tickets for `q`. */
  search: (q: string) => httpClient(`${apiUrl}/search?${new URLSearchParams({ q })}`).then(({ json }) => json as SearchResults),
  /** A list's saved views: the person's own, then those shared with a role they hold. */
  listSavedViews: (resource: string) => httpClient(`${apiUrl}/saved-views?${new URLSearchParams({ resource })}`).then(({ json }) => json as SavedView[]),
  /** `key` is chosen once per dialog: sent again (a double click, a retry), it saves one view. */
  saveView: (view: NewSavedView, key: string) => post<SavedView>('/saved-views', view, { 'Idempotency-Key': key }),
  changeSavedView: (id: string, change: SavedViewChange) =>
    httpClient(savedViewPath(id), { method: 'PATCH', body: JSON.stringify(change) }).then(({ json }) => json as SavedView),
  deleteSavedView: (id: string) => httpClient(savedViewPath(id), { method: 'DELETE' }).then(() => undefined),
  closeTicket: (id: string, closing: { as: 'spam' | 'duplicate'; mergeInto?: string; reason?: string }) => post<TicketAnswer>(ticketPath(id, 'close'), closing),
};

export type AppDataProvider = typeof dataProvider;

/** The field errors of a 400 answer, by the API's field names ("result.notes"). */
export function apiFieldErrors(err: unknown): { field: string; message: string }[] {
  return err instanceof HttpError ? ((err.body as Partial<ApiError> | undefined)?.error?.fields ?? []) : [];
}

export const errorMessage = (err: unknown, fallback: string) => (err instanceof Error && err.message) || fallback;
