// The request a piece of work was caused by. The API runs each request inside this context, so every
// log line written while handling it carries its `requestId` (platform/logger.ts), and every call it
// makes into Temporal carries the id as a header (platform/temporal-client.ts) for the workflow and
// activity logs the request causes (workflows/runtime/interceptors.ts, workers/request-id.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { isSafeRequestId } from '../workflows/runtime/definitions';

export type RequestContext = { requestId: string };

export const requestContext = new AsyncLocalStorage<RequestContext>();

export const REQUEST_ID_HTTP_HEADER = 'X-Request-Id';

/** A caller's (or a proxy's) id when it is a sane one, otherwise a new one. */
export const requestIdFrom = (incoming: string | string[] | undefined): string => (isSafeRequestId(incoming) ? incoming : randomUUID());

export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;
