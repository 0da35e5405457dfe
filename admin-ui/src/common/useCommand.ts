import { useState } from 'react';
import { HttpError, useNotify, useRefresh } from 'react-admin';
import { apiFieldErrors, dataProvider, errorMessage, type AppDataProvider } from '../dataProvider';
import { isSessionEnded, useSessionEnded } from './useSessionEnded';
import { useT } from '../i18n/useT';

export type CommandOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs one command against the API (claim, release, assign, cancel…), tells the person how it went and
 * reloads what is on screen. A 409 means someone else acted first: the reload shows what is true now.
 * Called on the API directly, not through react-admin's provider, which answers a 401 with empty
 * data as if the command had worked (see useSessionEnded).
 */
export function useCommand() {
  const sessionEnded = useSessionEnded();
  const notify = useNotify();
  const t = useT();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);

  const run = async <T>(command: (api: AppDataProvider) => Promise<T>, success?: string): Promise<CommandOutcome<T>> => {
    setPending(true);
    try {
      const value = await command(dataProvider);
      if (success) notify(success, { type: 'success' });
      refresh();
      return { ok: true, value };
    } catch (error) {
      if (isSessionEnded(error)) {
        sessionEnded();
        return { ok: false, error };
      }
      // Field errors are the caller's to show, next to the inputs they are about.
      if (apiFieldErrors(error).length === 0) notify(errorMessage(error, t('app.common.failed')), { type: 'error' });
      if (error instanceof HttpError && error.status === 409) refresh();
      return { ok: false, error };
    } finally {
      setPending(false);
    }
  };
  return { run, pending };
}
