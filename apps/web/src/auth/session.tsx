// Who is signed in. The token lives in localStorage so that a link opened from an e-mail in a
// new tab finds the session; it is checked against GET /auth/me on every start.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setToken, whenUnauthorized } from '../api/client';
import type { Me, Role } from '../api/types';

const TOKEN_KEY = 'duban.token';

interface Session {
  me: Me | null;
  /** True until the stored token has been checked. */
  checking: boolean;
  /** Set when the session ended because the token expired (the log-in page says so). */
  expired: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): void;
  hasRole(...roles: Role[]): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(true);
  const [expired, setExpired] = useState(false);

  const logout = useCallback(() => {
    localStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setMe(null);
  }, []);

  useEffect(() => {
    whenUnauthorized(() => {
      setExpired(true);
      logout();
    });
    const stored = localStorage.getItem(TOKEN_KEY);
    if (!stored) {
      setChecking(false);
      return;
    }
    setToken(stored);
    api
      .get<Me>('/auth/me')
      .then(setMe)
      .catch(() => logout())
      .finally(() => setChecking(false));
  }, [logout]);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await api.post<{ accessToken: string }>('/auth/login', { username, password });
    setToken(answer.accessToken);
    localStorage.setItem(TOKEN_KEY, answer.accessToken);
    const who = await api.get<Me>('/auth/me');
    setExpired(false);
    setMe(who);
    return who;
  }, []);

  const value = useMemo<Session>(
    () => ({ me, checking, expired, login, logout, hasRole: (...roles) => (me ? roles.includes(me.role) : false) }),
    [me, checking, expired, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user (pages under RequireSession only). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
