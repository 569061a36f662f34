// Who is signed in. The token lives in localStorage so that a link opened from an e-mail in a
// new tab finds the session; it is checked against GET /auth/me on every start.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, setToken, whenUnauthorized } from '../api/client';
import type { Role } from '../api/types';
import type { Me, SignInAnswer } from '@duban/contracts';

const TOKEN_KEY = 'duban.token';

interface Session {
  me: Me | null;
  /** True until the stored token has been checked. */
  checking: boolean;
  /** Set when the session ended because the token expired (the log-in page says so). */
  expired: boolean;
  login(username: string, password: string): Promise<Me>;
  /**
   * Takes a token the API handed over some other way (single sign-on, a password change, a
   * one-time link) as the session, exactly as a password log-in does.
   */
  adopt(accessToken: string): Promise<Me>;
  /** Ends this session on the API (the token stops working) and here. */
  logout(): Promise<void>;
  /** Ends every session of the user, on every device, and this one. */
  logoutEverywhere(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(true);
  const [expired, setExpired] = useState(false);
  const queryClient = useQueryClient();
  // While the user signs out, a background refresh may meet the ending session's 401 first: that
  // is not an expiry, and must not send the page to the log-in page ahead of the sign-out's own step.
  const signingOut = useRef(false);

  // One user's answers must never show to the next one who signs in on this browser.
  const forget = useCallback(() => {
    localStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setMe(null);
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => {
    whenUnauthorized(() => {
      if (signingOut.current) return;
      setExpired(true);
      forget();
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
      .catch(() => forget())
      .finally(() => setChecking(false));
  }, [forget]);

  const adopt = useCallback(async (accessToken: string) => {
    setToken(accessToken);
    localStorage.setItem(TOKEN_KEY, accessToken);
    const who = await api.get<Me>('/auth/me');
    setExpired(false);
    setMe(who);
    return who;
  }, []);

  const login = useCallback(
    async (username: string, password: string) => {
      const answer = await api.post<SignInAnswer>('/auth/login', { username, password });
      return adopt(answer.accessToken);
    },
    [adopt],
  );

  const logout = useCallback(async () => {
    // The token must stop working on the API too, not only be forgotten here; if the API cannot
    // be reached the token is forgotten all the same (it expires on its own).
    signingOut.current = true;
    try {
      await api.post('/auth/logout');
    } catch {
      // already ended, or the network: nothing more to do
    } finally {
      signingOut.current = false;
    }
    forget();
    // Signing out is not a session that expired (a 401 for an already ended token says so).
    setExpired(false);
  }, [forget]);

  const logoutEverywhere = useCallback(async () => {
    signingOut.current = true;
    try {
      await api.post('/auth/logout-everywhere');
    } finally {
      signingOut.current = false;
    }
    forget();
    setExpired(false);
  }, [forget]);

  const value = useMemo<Session>(
    () => ({ me, checking, expired, login, adopt, logout, logoutEverywhere, hasRole: (...roles) => (me ? roles.includes(me.role) : false) }),
    [me, checking, expired, login, adopt, logout, logoutEverywhere],
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
