/**
 * Throttling of failed logins, per account and per client address, as a pure sliding window
 * over failure times. The clock is passed in, so the rule is tested without waiting.
 */

export interface ThrottleLimits {
  maxFailuresPerAccount: number
  maxFailuresPerAddress: number
  windowMs: number
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number; scope: 'account' | 'address' }

/** Remembers recent failures and decides whether another attempt may proceed. */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>()

  constructor(private readonly limits: ThrottleLimits) {}

  /** Whether a login for `account` from `address` may be attempted at time `now`. */
  check(account: string, address: string, now: number): ThrottleDecision {
    const byAccount = this.recent(`account:${account}`, now)
    if (byAccount.length >= this.limits.maxFailuresPerAccount) {
      return { allowed: false, scope: 'account', retryAfterMs: byAccount[0]! + this.limits.windowMs - now }
    }
    const byAddress = this.recent(`address:${address}`, now)
    if (byAddress.length >= this.limits.maxFailuresPerAddress) {
      return { allowed: false, scope: 'address', retryAfterMs: byAddress[0]! + this.limits.windowMs - now }
    }
    return { allowed: true }
  }

  /** Records a failed attempt. */
  fail(account: string, address: string, now: number): void {
    for (const key of [`account:${account}`, `address:${address}`]) {
      const times = this.recent(key, now)
      times.push(now)
      this.failures.set(key, times)
    }
  }

  /** A successful login clears the account's failures (not the address's: one good password must not reset a spray). */
  succeed(account: string): void {
    this.failures.delete(`account:${account}`)
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((time) => time > now - this.limits.windowMs)
    if (times.length === 0) this.failures.delete(key)
    else this.failures.set(key, times)
    return times
  }
}
