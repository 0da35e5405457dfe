// The API's Temporal client. Every journey start, signal and Update it sends carries the id of the
// request that caused it as a Temporal header, so the workflow and activity log lines that follow
// carry `requestId` too (workflows/runtime/interceptors.ts, workers/request-id.ts). Workflow
// inputs are untouched: running histories replay as before.
import { Client, type Connection, type WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter, type Headers } from '@temporalio/common';
import { REQUEST_ID_HEADER } from '../workflows/runtime/definitions';
import { currentRequestId } from './request-context';

const withRequestId = (headers: Headers): Headers => {
  const requestId = currentRequestId();
  return requestId ? { ...headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) } : headers;
};

export const requestIdHeaders: WorkflowClientInterceptor = {
  startWithDetails: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  signal: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  signalWithStart: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  startUpdate: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  startUpdateWithStart: (input, next) =>
    next({ ...input, workflowStartHeaders: withRequestId(input.workflowStartHeaders), updateHeaders: withRequestId(input.updateHeaders) }),
};

export function createTemporalClient(connection: Connection, namespace: string): Client {
  return new Client({ connection, namespace, interceptors: { workflow: [requestIdHeaders] } });
}
