/** A set whose entries expire, bounded in size: memory stays flat however many events arrive. */
export class TtlSet {
  private readonly added = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when `key` was not seen within the TTL; it is remembered from now on. */
  add(key: string): boolean {
    const now = this.now();
    // Entries are in insertion order, so the expired ones are at the front.
    for (const [k, at] of this.added) {
      if (now - at < this.ttlMs && this.added.size < this.maxEntries) break;
      this.added.delete(k);
    }
    if (this.added.has(key)) return false;
    this.added.set(key, now);
    return true;
  }
}

/**
 * Slack redelivers an event it thinks was lost (same `event_id`, `X-Slack-Retry-Num`), and one
 * channel message can arrive as several events (`app_mention` and `message`): both must produce a
 * single answer. A slash command or a button click replayed within the 5 minutes its signature is
 * valid carries the same trigger or action timestamp: it is answered or stored once. Retries come
 * within minutes; 15 minutes covers them all.
 */
export class Dedupe {
  private readonly events: TtlSet;
  private readonly messages: TtlSet;
  private readonly interactions: TtlSet;

  constructor({ ttlMs = 15 * 60_000, maxEntries = 10_000, now = Date.now }: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
    this.events = new TtlSet(ttlMs, maxEntries, now);
    this.messages = new TtlSet(ttlMs, maxEntries, now);
    this.interactions = new TtlSet(ttlMs, maxEntries, now);
  }

  firstDelivery(eventId: string): boolean {
    return this.events.add(eventId);
  }

  firstMessage(channel: string, ts: string): boolean {
    return this.messages.add(`${channel}/${ts}`);
  }

  /** A slash command (its `trigger_id`) or a click (its `action_ts`), per person. */
  firstInteraction(user: string, id: string): boolean {
    return this.interactions.add(`${user}/${id}`);
  }
}
