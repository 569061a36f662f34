// The one way the console talks to the API: JSON in and out, the bearer token from the session,
// and every failure as an ApiError that carries the API's status, domain code and field messages.
import type { ErrorResponse } from '@duban/contracts';

export type FieldMessages = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    /** The HTTP status; 0 when no answer came. */
    readonly status: number,
    /** The status's name as the API gives it (NOT_FOUND …), NETWORK when no answer came. */
    readonly statusName: string,
    message: string,
    /** Field path (dotted, as the API names it) → messages; present on 400s for bodies and queries. */
    readonly fields: FieldMessages = {},
    /** The answer's body: an ErrorResponse, or the text of an answer that was not JSON. */
    readonly body: unknown = undefined,
  ) {
    super(message);
  }

  /**
   * The domain's error code (DUTY_TRANSITION_FORBIDDEN …) when the API sent one: the console
   * words it. A string rather than DomainErrorCode: an API newer than the console may send a code it does not know.
   */
  get code(): string | null {
    const code = (this.body as Partial<ErrorResponse> | undefined)?.code as unknown;
    return typeof code === 'string' ? code : null;
  }
}

type Query = Record<string, string | number | boolean | string[] | null | undefined>;

let token: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setToken(next: string | null): void {
  token = next;
}

/** Called once, by the session: a 401 on a signed-in call means the token expired. */
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: any = undefined;
  const text = await response.text();
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  const message = Array.isArray(body?.message) ? body.message.join('; ') : (body?.message ?? response.statusText);
  const statusName = typeof body?.error === 'string' ? body.error : String(response.status);
  return new ApiError(response.status, statusName, String(message), body?.fields ?? {}, body);
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`${path}${queryString(options.query)}`, { method, headers, body, signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', (error as Error).message);
  }
  if (response.status === 401 && token) onUnauthorized?.();
  if (!response.ok) throw await errorFrom(response);
  return response;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
};

/** Fetches a file with the token (a plain link cannot carry it) and hands it to the browser. */
export async function download(path: string, query?: Query, fallbackName = 'download'): Promise<void> {
  const response = await send('GET', path, { query, headers: { accept: '*/*' } });
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Opens an HTML page of the API (a printable notice or circular) in a new tab, with the token. */
export async function openPrintable(path: string, query?: Query): Promise<void> {
  const opened = window.open('', '_blank');
  const response = await send('GET', path, { query, headers: { accept: 'text/html' } });
  const html = await response.text();
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  if (opened) opened.location.href = url;
  else window.location.href = url;
}

/**
 * Sends one file as multipart field `file`, reporting upload progress (fetch cannot). Resolves
 * with the API's JSON answer; fails with an ApiError like every other call.
 */
export function uploadFile<T>(path: string, file: Blob, onProgress?: (percent: number) => void, fields: Record<string, string> = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'network error'));
    xhr.onload = () => {
      let body: any = xhr.responseText;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: keep the text
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      if (xhr.status === 401 && token) onUnauthorized?.();
      const message = Array.isArray(body?.message) ? body.message.join('; ') : (body?.message ?? xhr.statusText);
      reject(new ApiError(xhr.status, typeof body?.error === 'string' ? body.error : String(xhr.status), String(message), body?.fields ?? {}, body));
    };
    xhr.send(form);
  });
}
