// An activity scheduled while a journey handled an API request carries that request's id as a
// header (workflows/runtime/interceptors.ts): the activity's log lines, its failures included,
// carry it as `requestId`.
import { defaultPayloadConverter } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { isSafeRequestId, REQUEST_ID_HEADER } from '../workflows/runtime/definitions';

export const activityRequestIds: ActivityInterceptorsFactory = () => {
  let requestId: string | undefined;
  return {
    inbound: {
      execute(input, next) {
        const payload = input.headers[REQUEST_ID_HEADER];
        try {
          const id: unknown = payload && defaultPayloadConverter.fromPayload(payload);
          requestId = isSafeRequestId(id) ? id : undefined;
        } catch {
          requestId = undefined; // not ours: ignored
        }
        return next(input);
      },
    },
    outbound: {
      getLogAttributes: (input, next) => next(requestId ? { ...input, requestId } : input),
    },
  };
};
