import { useState } from 'react';
import { HttpError, useDataProvider, useNotify, useRefresh } from 'react-admin';
import { apiFieldErrors, errorMessage, type AppDataProvider } from '../dataProvider';

export type CommandOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs one command against the API (claim, release, assign, cancel…), tells the person how it went and
 * reloads what is on screen. A 409 means someone else acted first: the reload shows what is true now.
 */
export function useCommand() {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
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
      // Field errors are the caller's to show, next to the inputs they are about.
      if (apiFieldErrors(error).length === 0) notify(errorMessage(error, 'That did not work'), { type: 'error' });
      if (error instanceof HttpError && error.status === 409) refresh();
      return { ok: false, error };
    } finally {
      setPending(false);
    }
  };
  return { run, pending };
}
