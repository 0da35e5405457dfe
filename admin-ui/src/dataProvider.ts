// The API speaks ra-data-simple-rest's contract under /api (same origin: the session cookie goes
// along, and the Content-Range header is readable). Lists and records use the simple-REST reads;
// the API has no generic writes, so each command is a method of its own.
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError } from 'react-admin';
import type { ApiError, Task, TaskComment, TicketPriority } from './types';

export type NewTicket = { customerId: string; subject: string; description: string; category: string; priority: TicketPriority };
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

const taskPath = (id: string, action: string) => `/tasks/${encodeURIComponent(id)}/${action}`;
const ticketPath = (id: string, action: string) => `/tickets/${encodeURIComponent(id)}/${action}`;
/** Where a ticket is after a change: its stage, or closed. */
type TicketAnswer = { status: string };

export const dataProvider = {
  ...simpleRestProvider(apiUrl, httpClient),

  claimTask: (id: string) => post<Task>(taskPath(id, 'claim')),
  unclaimTask: (id: string) => post<Task>(taskPath(id, 'unclaim')),
  /** `null` hands the task back to its queue. */
  assignTask: (id: string, assignee: string | null) => post<Task>(taskPath(id, 'assign'), { assignee }),
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
  closeTicket: (id: string, closing: { as: 'spam' | 'duplicate'; mergeInto?: string; reason?: string }) => post<TicketAnswer>(ticketPath(id, 'close'), closing),
};

export type AppDataProvider = typeof dataProvider;

/** The field errors of a 400 answer, by the API's field names ("result.notes"). */
export function apiFieldErrors(err: unknown): { field: string; message: string }[] {
  return err instanceof HttpError ? ((err.body as Partial<ApiError> | undefined)?.error?.fields ?? []) : [];
}

export const errorMessage = (err: unknown, fallback: string) => (err instanceof Error && err.message) || fallback;
