// Every non-2xx answer from OSCAR becomes an ApiError. OSCAR answers errors as plain text (sometimes
// empty, sometimes a JSON-encoded string) and a few as JSON objects: see ../shared/oscar-api/NOTES.md.
// `message` is always the server's own words when it gave any.

const STATUS_TEXT: Record<number, string> = {
  0: 'The cluster could not be reached',
  400: 'The request was not valid',
  401: 'Not signed in, or the session has expired',
  403: 'You do not have permission to do this',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Too large',
  500: 'The cluster had an internal error',
  502: 'Bad gateway',
  503: 'The service is unavailable',
  504: 'The cluster took too long to answer',
};

export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly url: string;

  constructor(status: number, message: string, body: unknown = undefined, url = '') {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.url = url;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** The words to show for an error body: text as is, a JSON string unquoted, a JSON object's message. */
export function messageFromBody(status: number, body: unknown, statusText = ''): string {
  let value = body;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('"') || text.startsWith('{')) {
      try {
        value = JSON.parse(text);
      } catch {
        value = text;
      }
    } else {
      value = text;
    }
  }
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const key of ['message', 'error', 'detail', 'msg']) {
      const v = o[key];
      if (typeof v === 'string' && v.trim()) return v.trim();
    }
  }
  return STATUS_TEXT[status] ?? (statusText || `Request failed with status ${status}`);
}

export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // A body that cannot be read still leaves the status to report.
  }
  let body: unknown = text;
  try {
    if (text && (response.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
  } catch {
    body = text;
  }
  return new ApiError(response.status, messageFromBody(response.status, body, response.statusText), body, response.url);
}

/** Short user-facing text for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
