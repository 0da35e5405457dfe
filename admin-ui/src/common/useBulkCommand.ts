// One command per selected record (assign, change priority, close…), one request each, so each
// goes on its own record's trail; one after the other, so a failure is that record's alone and the
// rest still go. A 401 stops the run: the session ended, and the person is told how far it got.
import { useState } from 'react';
import { type Identifier, useRefresh } from 'react-admin';
import { apiFieldErrors, dataProvider, errorMessage, type AppDataProvider } from '../dataProvider';
import { isSessionEnded, useSessionEnded } from './useSessionEnded';
import { useT } from '../i18n/useT';

export type BulkOutcome = { done: Identifier[]; failed: { id: Identifier; message: string }[] };

/** A 400's field messages say what was wrong with this record ("Must be … of the sales queue"); else the API's message. */
const whyRefused = (error: unknown, fallback: string) => apiFieldErrors(error).map((f) => f.message).join('; ') || errorMessage(error, fallback);

export function useBulkCommand() {
  const sessionEnded = useSessionEnded();
  const t = useT();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);

  const run = async (ids: Identifier[], command: (api: AppDataProvider, id: Identifier) => Promise<unknown>): Promise<BulkOutcome | undefined> => {
    setPending(true);
    const outcome: BulkOutcome = { done: [], failed: [] };
    try {
      for (const id of ids) {
        try {
          await command(dataProvider, id);
          outcome.done.push(id);
        } catch (error) {
          if (isSessionEnded(error)) {
            sessionEnded(t('app.bulk.session_partly', { done: outcome.done.length, all: ids.length }));
            return undefined;
          }
          outcome.failed.push({ id, message: whyRefused(error, t('app.common.failed')) });
        }
      }
      return outcome;
    } finally {
      setPending(false);
      refresh();
    }
  };
  return { run, pending };
}
