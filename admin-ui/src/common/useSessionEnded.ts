// A command answered 401: the session ended while the page was open. react-admin's data provider
// would sign the person out and answer the command with empty data — which a form takes for
// success — so commands call the API directly and come here instead: the person is told, signed
// out, and brought back to this page after logging in.
import { useCallback } from 'react';
import { HttpError, useLogout, useNotify } from 'react-admin';

export const isSessionEnded = (err: unknown) => err instanceof HttpError && err.status === 401;

export function useSessionEnded(): (what?: string) => void {
  const logout = useLogout();
  const notify = useNotify();
  return useCallback(
    (what = 'Nothing was changed') => {
      notify(`Your session has ended. ${what}: log in again and you will be back on this page.`, { type: 'warning', autoHideDuration: 15_000 });
      void logout({}, undefined, true);
    },
    [logout, notify],
  );
}
