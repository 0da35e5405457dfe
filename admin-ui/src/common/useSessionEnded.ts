// A command answered 401: the session ended while the page was open. react-admin's data provider
// would sign the person out and answer the command with empty data — which a form takes for
// success — so commands call the API directly and come here instead: the person is told, signed
// out, and brought back to this page after logging in.
import { useCallback } from 'react';
import { HttpError, useLogout, useNotify } from 'react-admin';
import { useT } from '../i18n/useT';

export const isSessionEnded = (err: unknown) => err instanceof HttpError && err.status === 401;

export function useSessionEnded(): (what?: string) => void {
  const logout = useLogout();
  const notify = useNotify();
  const t = useT();
  return useCallback(
    (what?: string) => {
      notify(t('app.common.session_ended', { what: what ?? t('app.common.nothing_changed') }), { type: 'warning', autoHideDuration: 15_000 });
      void logout({}, undefined, true);
    },
    [logout, notify, t],
  );
}
