/** What the demo scripts share: the running Duban's address, a JSON call that fails loudly, a login. */
export const api = process.env.API_URL ?? 'http://localhost:3000';
const password = process.env.DUBAN_DEMO_PASSWORD ?? 'duban-dev-password';

export async function call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(answer)}`);
  return answer as T;
}

/** A development user's token (the seeds' password unless DUBAN_DEMO_PASSWORD says otherwise). */
export const login = async (username: string) => (await call<{ accessToken: string }>('POST', '/auth/login', null, { username, password })).accessToken;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
