/**
 * The typed HTTP client of the web app. The session is the HttpOnly cookie the server sets at
 * sign-in; every write carries the session's CSRF token in the x-csrf-token header (the server
 * refuses cookie writes without it). Every failure becomes a ProblemError: the server's
 * problem+json as it was sent, or one of the client's own codes for a network failure or timeout,
 * so screens show one kind of error whatever went wrong.
 */
import type { ErrorCode, ProblemDocument } from './server-types.ts'

/** Codes of failures the browser sees before any server answers. */
export type ClientErrorCode = 'network' | 'timeout' | 'unexpected-response'

/** A failed request: the server's problem document, or a client-side failure in the same shape. */
export class ProblemError extends Error {
  readonly status: number
  readonly code: ErrorCode | ClientErrorCode
  readonly title: string
  readonly detail: string
  readonly requestId: string | undefined
  /** Validation issues (`validation-failed`), by field path. */
  readonly issues: ReadonlyArray<{ path: string; message: string }>

  constructor(problem: Pick<ProblemDocument, 'status' | 'title' | 'detail'> & { code: ErrorCode | ClientErrorCode; requestId?: string | undefined; issues?: unknown }) {
    super(problem.detail || problem.title)
    this.name = 'ProblemError'
    this.status = problem.status
    this.code = problem.code
    this.title = problem.title
    this.detail = problem.detail
    this.requestId = problem.requestId
    this.issues = Array.isArray(problem.issues) ? (problem.issues as Array<{ path: string; message: string }>) : []
  }
}

export const csrfHeaderName = 'x-csrf-token'
/** A request over a bad link may take long, but not forever: the user is told and may retry. */
const requestTimeoutMs = 30_000

export interface RequestOptions {
  signal?: AbortSignal
  /** Milliseconds before the request is given up as `timeout`. */
  timeoutMs?: number
  /** Extra request headers (e.g. x-file-name of an upload). */
  headers?: Record<string, string>
}

function isProblem(value: unknown): value is ProblemDocument {
  return typeof value === 'object' && value !== null && typeof (value as ProblemDocument).code === 'string' && typeof (value as ProblemDocument).status === 'number'
}

export class ApiClient {
  private csrfToken: string | null = null
  /** Called when the server says the session is gone, so the app can return to the sign-in screen. */
  onSessionLost: (() => void) | null = null

  constructor(private readonly baseUrl = '') {}

  /** Remembers the session's CSRF token (from sign-in or /api/auth/me) for writes. */
  setCsrfToken(token: string | null): void {
    this.csrfToken = token
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, undefined, options)
  }

  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, body, options)
  }

  patch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, body, options)
  }

  put<T>(path: string, body: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PUT', path, body, options)
  }

  delete<T = void>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('DELETE', path, undefined, options)
  }

  /** Posts a file as the raw body, with the file's own Content-Type (attachments). */
  upload<T>(path: string, file: Blob, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, file, options)
  }

  async request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...options.headers }
    const raw = body instanceof Blob
    if (body !== undefined) headers['content-type'] = raw ? (body.type || 'application/octet-stream') : 'application/json'
    if (method !== 'GET' && method !== 'HEAD' && this.csrfToken) headers[csrfHeaderName] = this.csrfToken
    const timeout = AbortSignal.timeout(options.timeoutMs ?? requestTimeoutMs)
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
    let response: Response
    try {
      response = await fetch(this.baseUrl + path, { method, headers, body: body === undefined ? undefined : raw ? body : JSON.stringify(body), credentials: 'same-origin', signal })
    } catch (error) {
      if (options.signal?.aborted) throw error // the caller cancelled: not a failure to show
      if (timeout.aborted) throw new ProblemError({ status: 0, code: 'timeout', title: 'The server did not answer in time', detail: `${method} ${path}` })
      throw new ProblemError({ status: 0, code: 'network', title: 'The server could not be reached', detail: (error as Error).message })
    }
    if (response.status === 204) return undefined as T
    const text = await response.text()
    let parsed: unknown
    try {
      parsed = text === '' ? undefined : JSON.parse(text)
    } catch {
      throw new ProblemError({ status: response.status, code: 'unexpected-response', title: 'The server sent an answer that is not JSON', detail: text.slice(0, 200), requestId: response.headers.get('x-request-id') ?? undefined })
    }
    if (!response.ok) {
      const problem = isProblem(parsed)
        ? new ProblemError(parsed)
        : new ProblemError({ status: response.status, code: 'unexpected-response', title: `HTTP ${response.status}`, detail: text.slice(0, 200), requestId: response.headers.get('x-request-id') ?? undefined })
      if ((problem.code === 'session-expired' || problem.code === 'unauthenticated') && !path.startsWith('/api/auth/')) this.onSessionLost?.()
      throw problem
    }
    return parsed as T
  }
}

/** The one client of the app. */
export const api = new ApiClient()
