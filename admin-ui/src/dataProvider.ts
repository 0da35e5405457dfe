// The API speaks ra-data-simple-rest's contract under /api (same origin, so no CORS and the
// Content-Range header is readable). Only the read methods are used: the API has no generic writes.
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError } from 'react-admin';
import type { ApiError } from './types';

const apiUrl = '/api';

/** fetchJson, but errors carry the API's own message ({ error: { message } }) instead of the status text. */
const httpClient = (url: string, options?: fetchUtils.Options) =>
  fetchUtils.fetchJson(url, options).catch((err: unknown) => {
    if (err instanceof HttpError) {
      const message = (err.body as Partial<ApiError> | undefined)?.error?.message;
      if (message) throw new HttpError(message, err.status, err.body);
    }
    throw err;
  });

export const dataProvider = {
  ...simpleRestProvider(apiUrl, httpClient),

  /** Resolves when the journey accepted the result; rejects with an HttpError whose body is an ApiError. */
  completeTask: (id: string, result: object) =>
    httpClient(`${apiUrl}/tasks/${encodeURIComponent(id)}/complete`, {
      method: 'POST',
      body: JSON.stringify({ result }),
    }).then(({ json }) => json as { taskId: string; completedAt: string }),
};

export type AppDataProvider = typeof dataProvider;
