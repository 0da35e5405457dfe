// The API speaks ra-data-simple-rest's contract under /api (same origin: the session cookie goes
// along, and the Content-Range header is readable). Lists and records use the simple-REST reads;
// the API has no generic writes, so each command is a method of its own.
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError } from 'react-admin';
import type { ApiError, Task, TaskComment } from './types';

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

const post = <T>(path: string, body?: object) =>
  httpClient(`${apiUrl}${path}`, { method: 'POST', body: body && JSON.stringify(body) }).then(({ json }) => json as T);

const taskPath = (id: string, action: string) => `/tasks/${encodeURIComponent(id)}/${action}`;

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
};

export type AppDataProvider = typeof dataProvider;

/** The field errors of a 400 answer, by the API's field names ("result.notes"). */
export function apiFieldErrors(err: unknown): { field: string; message: string }[] {
  return err instanceof HttpError ? ((err.body as Partial<ApiError> | undefined)?.error?.fields ?? []) : [];
}

export const errorMessage = (err: unknown, fallback: string) => (err instanceof Error && err.message) || fallback;
