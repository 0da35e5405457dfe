// Sessions live in an httpOnly cookie the browser sends by itself, so the UI never holds a token:
// it asks the API who is signed in (GET /api/auth/me) and remembers the answer until logout or a 401.
import { HttpError, type AuthProvider } from 'react-admin';
import { httpClient } from '../dataProvider';
import { translateNow } from '../i18n/i18nProvider';
import type { Identity } from '../types';

let me: Promise<Identity> | undefined;

const statusOf = (err: unknown) => (err instanceof HttpError ? err.status : (err as { status?: number } | undefined)?.status);

/** What /api/auth/me would answer once the session is over: 401, known without asking. */
const signedOut = () => {
  const answer = Promise.reject(new HttpError('Not signed in', 401));
  answer.catch(() => undefined);
  return answer;
};

const whoAmI = () => {
  me ??= httpClient('/api/auth/me').then(({ json }) => json as Identity);
  // "Signed out" (401) stands until the next login, so the app's checks share one answer; anything
  // else (the API restarting, a dropped connection) is asked again.
  me.catch((err: unknown) => {
    if (statusOf(err) !== 401) me = undefined;
  });
  return me;
};

export const authProvider: AuthProvider = {
  async login({ email, password }: { email: string; password: string }) {
    me = undefined;
    await httpClient('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });
    // The password was right; a browser that dropped the session cookie (a Secure cookie over plain
    // HTTP) would otherwise land back here with no word of why.
    await whoAmI().catch((err: unknown) => {
      if (statusOf(err) === 401) throw new Error(translateNow('app.login.cookie_refused'));
      throw err;
    });
  },

  async logout() {
    me = signedOut();
    // Already signed out (401) is fine: the point is to end up on the login page.
    await httpClient('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
  },

  async checkAuth() {
    await whoAmI();
  },

  // 401: the session ended, so sign out. 403: still signed in, just not allowed; the page says so.
  async checkError(err: unknown) {
    if (statusOf(err) === 401) {
      me = signedOut();
      throw new Error(translateNow('app.login.session_ended'));
    }
  },

  async getIdentity() {
    const { id, name, roles } = await whoAmI();
    return { id, fullName: name, roles };
  },

  async getPermissions() {
    return (await whoAmI()).roles;
  },
};
