/**
 * The live picture's WebSocket (/api/live, protocol in src/live/live-messages.ts), kept alive over
 * a bad link: it reconnects by itself with growing pauses, resumes from the last event it received
 * (the server replays exactly what was missed, or sends a fresh snapshot when it cannot), notices a
 * silent dead link by its own pings, and tells what state it is in. It knows nothing of React or
 * of the map: messages go to a LiveSink (live-picture.ts).
 */
import { serverFrameSchema } from '../../../src/live/live-messages.ts'
import type { ClientMessage, DeltaMessage, Layer, ResumePoint, ServerMessage } from '../api/server-types.ts'

export type ConnectionState =
  | { status: 'connecting' }
  | { status: 'syncing' }
  | { status: 'connected' }
  | { status: 'reconnecting'; attempt: number; retryAt: number }
  | { status: 'offline'; retryAt: number | null }
  | { status: 'session-ended' }

/** Receives what the server sends for the current subscription. */
export interface LiveSink {
  /** A fresh snapshot starts: the objects that follow replace what the sink holds. */
  beginSnapshot(layers: readonly Layer[]): void
  snapshotItems(layer: Layer, items: readonly unknown[]): void
  endSnapshot(): void
  delta(message: DeltaMessage): void
}

export interface LiveSubscription {
  layers: Layer[]
  roomId?: string
  bbox?: [number, number, number, number]
}

export interface LiveConnectionOptions {
  sink: LiveSink
  onState(state: ConnectionState): void
  /** Asked after a failed connection: false when the session is gone (the socket cannot tell a 401). */
  sessionAlive(): Promise<boolean>
  url?: string
}

/** Pings keep proxies from closing an idle socket; silence this long means the link is dead. */
const pingEveryMs = 20_000
const silenceLimitMs = 50_000
const maxPauseMs = 15_000
/** After this many failed attempts in a row the screen says offline (it keeps trying). */
const attemptsBeforeOffline = 4

function pauseBefore(attempt: number): number {
  const base = Math.min(maxPauseMs, 500 * 2 ** (attempt - 1))
  return Math.round(base * (0.75 + Math.random() * 0.5))
}

function subscriptionKey(subscription: LiveSubscription): string {
  return JSON.stringify([subscription.roomId ?? null, subscription.bbox ?? null, [...subscription.layers].sort()])
}

export class LiveConnection {
  private socket: WebSocket | null = null
  private subscription: LiveSubscription | null = null
  private subscriptionKey = ''
  /** Where to resume after a reconnect: set only once a snapshot or resume is complete. */
  private resumePoint: ResumePoint | null = null
  private epoch = ''
  private lastEventId = 0
  private failures = 0
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private pingTimer: ReturnType<typeof setInterval> | null = null
  private lastHeard = 0
  private closed = false
  private stateValue: ConnectionState = { status: 'connecting' }
  /** When the last message arrived (ms since epoch); 0 before any. */
  lastMessageAt = 0
  /** Messages that did not match the protocol's schema (skipped). */
  invalidMessages = 0

  constructor(private readonly options: LiveConnectionOptions) {
    window.addEventListener('online', this.onOnline)
    window.addEventListener('offline', this.onOffline)
    document.addEventListener('visibilitychange', this.onVisible)
  }

  get state(): ConnectionState {
    return this.stateValue
  }

  /** Whether this is the current subscription (and the connection is not closed). */
  isSubscribedTo(subscription: LiveSubscription): boolean {
    return !this.closed && this.subscription !== null && subscriptionKey(subscription) === this.subscriptionKey
  }

  /** Subscribes (or changes the subscription); connects when needed. */
  subscribe(subscription: LiveSubscription): void {
    const key = subscriptionKey(subscription)
    if (key !== this.subscriptionKey) this.resumePoint = null
    this.subscription = subscription
    this.subscriptionKey = key
    if (this.socket?.readyState === WebSocket.OPEN) this.sendSubscribe()
    else if (!this.socket) this.connect()
  }

  /** Tries at once instead of waiting for the next attempt. */
  reconnectNow(): void {
    if (this.closed || this.socket) return
    this.clearRetry()
    this.connect()
  }

  close(): void {
    this.closed = true
    this.clearRetry()
    this.stopPings()
    window.removeEventListener('online', this.onOnline)
    window.removeEventListener('offline', this.onOffline)
    document.removeEventListener('visibilitychange', this.onVisible)
    this.socket?.close(1000)
    this.socket = null
  }

  private setState(state: ConnectionState): void {
    this.stateValue = state
    this.options.onState(state)
  }

  private connect(): void {
    if (this.closed) return
    if (!navigator.onLine) {
      this.setState({ status: 'offline', retryAt: null })
      return
    }
    this.setState(this.failures === 0 && this.lastMessageAt === 0 ? { status: 'connecting' } : { status: 'reconnecting', attempt: this.failures + 1, retryAt: Date.now() })
    const url = this.options.url ?? `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/live`
    const socket = new WebSocket(url)
    this.socket = socket
    let opened = false
    socket.onopen = () => {
      opened = true
      this.lastHeard = Date.now()
      this.setState({ status: 'syncing' })
      this.startPings()
      if (this.subscription) this.sendSubscribe()
    }
    socket.onmessage = (event) => {
      if (typeof event.data === 'string') this.receive(event.data)
    }
    socket.onclose = (event) => {
      if (this.socket !== socket) return
      this.socket = null
      this.stopPings()
      if (this.closed) return
      void this.afterClose(opened, event.code)
    }
  }

  private async afterClose(opened: boolean, code: number): Promise<void> {
    // 1008: the session ended (or too many bad messages); a refused upgrade shows as 1006.
    if (code === 1008 || !opened) {
      if (!(await this.options.sessionAlive().catch(() => true))) {
        this.setState({ status: 'session-ended' })
        return
      }
    }
    if (this.closed) return
    this.failures = opened ? 1 : this.failures + 1
    const pause = pauseBefore(this.failures)
    const retryAt = Date.now() + pause
    this.setState(!navigator.onLine || this.failures >= attemptsBeforeOffline ? { status: 'offline', retryAt } : { status: 'reconnecting', attempt: this.failures, retryAt })
    this.clearRetry()
    this.retryTimer = setTimeout(() => this.connect(), pause)
  }

  private sendSubscribe(): void {
    const subscription = this.subscription!
    const message: ClientMessage = {
      type: 'subscribe',
      layers: subscription.layers,
      ...(subscription.roomId ? { roomId: subscription.roomId } : {}),
      ...(subscription.bbox ? { bbox: subscription.bbox } : {}),
      ...(this.resumePoint ? { resumeFrom: this.resumePoint } : {}),
    }
    this.setState({ status: 'syncing' })
    this.send(message)
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message))
  }

  private receive(text: string): void {
    this.lastHeard = Date.now()
    this.lastMessageAt = this.lastHeard
    let frame: unknown
    try {
      frame = JSON.parse(text)
    } catch {
      this.invalidMessages++
      return
    }
    const parsed = serverFrameSchema.safeParse(frame)
    if (!parsed.success) {
      // One bad message should not lose the others of the frame: read them one by one.
      if (!Array.isArray(frame)) return void this.invalidMessages++
      for (const message of frame) {
        const single = serverFrameSchema.safeParse([message])
        if (single.success) this.handle(single.data[0]!)
        else this.invalidMessages++
      }
      return
    }
    for (const message of parsed.data) this.handle(message)
  }

  private handle(message: ServerMessage): void {
    const sink = this.options.sink
    switch (message.type) {
      case 'snapshot-begin':
        this.resumePoint = null // a snapshot cut short cannot be resumed
        this.epoch = message.epoch
        sink.beginSnapshot(this.subscription?.layers ?? [])
        return
      case 'snapshot':
        sink.snapshotItems(message.layer, message.items)
        return
      case 'snapshot-end':
        sink.endSnapshot()
        this.lastEventId = message.lastEventId
        this.resumePoint = { epoch: message.epoch, eventId: message.lastEventId }
        this.failures = 0
        this.setState({ status: 'connected' })
        return
      case 'resumed':
        this.epoch = message.epoch
        this.failures = 0
        this.setState({ status: 'connected' })
        return
      case 'delta':
        sink.delta(message)
        if (message.eventId > this.lastEventId) this.lastEventId = message.eventId
        if (this.resumePoint && this.epoch) this.resumePoint = { epoch: this.epoch, eventId: this.lastEventId }
        return
      case 'resync':
        this.setState({ status: 'syncing' }) // a fresh snapshot follows
        return
      case 'error':
        if (message.code === 'snapshot-failed' || message.code === 'rate-limited') {
          // Ask again a little later: the server said nothing is wrong with the subscription itself.
          this.clearRetry()
          this.retryTimer = setTimeout(() => this.subscription && this.sendSubscribe(), 3000)
        }
        return
      case 'pong':
        return
    }
  }

  private startPings(): void {
    this.stopPings()
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastHeard > silenceLimitMs) {
        // Half-open link: nothing heard, not even pongs. Close and reconnect (resume).
        this.socket?.close(4000, 'silent link')
        const socket = this.socket
        this.socket = null
        if (socket) socket.onclose = null
        this.stopPings()
        void this.afterClose(true, 4000)
        return
      }
      this.send({ type: 'ping' })
    }, pingEveryMs)
  }

  private stopPings(): void {
    if (this.pingTimer) clearInterval(this.pingTimer)
    this.pingTimer = null
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
  }

  private readonly onOnline = () => {
    if (!this.socket && !this.closed && this.stateValue.status !== 'session-ended') {
      this.clearRetry()
      this.connect()
    }
  }

  private readonly onOffline = () => {
    if (this.socket) return // the socket will tell when it really dropped
    this.clearRetry()
    this.setState({ status: 'offline', retryAt: null })
  }

  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') this.onOnline()
  }
}
