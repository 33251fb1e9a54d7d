const WINDOW_MS = 60_000;
const SWEEP_ABOVE = 10_000;

export type RateDecision = { allowed: true } | { allowed: false; notify: boolean };

/**
 * At most `perMinute` questions per user over any sliding minute. A limited user is told once per
 * window, not on every message, so a burst does not turn into a burst of refusals.
 */
export class RateLimiter {
  private readonly users = new Map<string, { hits: number[]; toldUntil: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(user: string): RateDecision {
    const now = this.now();
    if (this.users.size > SWEEP_ABOVE) this.sweep(now);
    const entry = this.users.get(user) ?? { hits: [], toldUntil: 0 };
    this.users.set(user, entry);
    entry.hits = entry.hits.filter((t) => now - t < WINDOW_MS);
    if (entry.hits.length < this.perMinute) {
      entry.hits.push(now);
      return { allowed: true };
    }
    const notify = now >= entry.toldUntil;
    if (notify) entry.toldUntil = entry.hits[0]! + WINDOW_MS;
    return { allowed: false, notify };
  }

  private sweep(now: number): void {
    for (const [user, entry] of this.users) if (entry.hits.every((t) => now - t >= WINDOW_MS)) this.users.delete(user);
  }
}
