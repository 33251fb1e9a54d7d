import type { webApi } from "@slack/bolt";
import type { Logger } from "../config/log.js";
import { WRITING } from "./messages.js";
import { escapeMrkdwn, type SlackMessage } from "./render.js";

/** Streamed text goes out once this much is waiting… */
const FLUSH_CHARS = 256;
/** …or this long after it started waiting: readable progress in few calls (appendStream is Tier 4). */
const FLUSH_MS = 500;
/** chat.update resends the whole text and is Tier 3: a placeholder is edited at most once a second. */
const EDIT_MS = 1000;
/** `markdown_text` holds at most 12,000 characters per call; the provisional text stays within one. */
const MAX_PROVISIONAL = 12_000;

/** Where an answer is shown while the model writes it. */
export interface LiveTarget {
  channel: string;
  /** The stream methods need a thread; a top-level DM answer is edited in place instead. */
  threadTs?: string | undefined;
  /** Who reads the stream: chat.startStream requires them outside DMs. */
  teamId?: string | undefined;
  userId: string;
  /** Clears the assistant panel's status, which would hide a stream until its end (bolt-js #2696). */
  clearStatus?(): Promise<unknown>;
}

/**
 * One answer shown while the model writes it, then replaced by the authoritative answer: streamed
 * (chat.startStream / appendStream / stopStream), or, where Slack refuses the stream methods, a
 * placeholder edited with chat.update. Nothing is posted before the first delta, so an answer
 * without one (deterministic, or a model that failed before writing) is posted once by `reply`.
 * Whatever fails, the question gets exactly one answer.
 */
export class LiveAnswer {
  /** The provisional text, escaped; `full` once the next piece would not fit in one call. */
  private text = "";
  private full = false;
  private sent = 0;
  private via: "stream" | "edit" | undefined;
  private ts: string | undefined;
  /** Set when an update failed: the provisional text stays as it is until the final answer. */
  private stalled = false;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private queued = false;
  /** Slack calls in order, one at a time: a message cannot be edited before it exists. */
  private work: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly target: LiveTarget,
    private readonly reply: (message: SlackMessage) => Promise<unknown>,
    private readonly log: Logger,
  ) {}

  /** How the answer was shown while written, for the logs. */
  get delivery(): "stream" | "edit" | "post" {
    return this.via ?? "post";
  }

  /** The pipeline's `onDelta`: provisional text as the model writes it. */
  readonly onDelta = (delta: string): void => {
    if (this.closed || this.stalled || this.full) return;
    const piece = escapeMrkdwn(delta);
    // Never a gap: once a piece is left out, so is everything after it.
    this.full = this.text.length + piece.length > MAX_PROVISIONAL;
    if (this.full) return;
    this.text += piece;
    const waiting = this.text.length - this.sent;
    if (this.via !== "edit" && waiting >= FLUSH_CHARS) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.flush();
    } else {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, this.via === "edit" ? EDIT_MS : FLUSH_MS);
    }
  };

  /** Shows `message` as the answer: it replaces the provisional one, or is posted when there was none. */
  async finish(message: SlackMessage): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.closed = true;
    await this.work; // a call under way lands before the final one
    const ts = this.ts;
    // Cleared first: after a failure here, the apology is posted rather than sent to this message.
    this.ts = undefined;
    if (!ts) {
      await this.reply(message);
      return;
    }
    const { channel } = this.target;
    const metadata = message.metadata ? { metadata: message.metadata } : {};
    // An empty `blocks` matters for a text-only message (the apology): chat.update would keep the old ones.
    const final = { channel, ts, text: message.text, blocks: message.blocks ?? [], ...metadata };
    if (this.via === "stream") {
      try {
        await this.client.chat.stopStream({ channel, ts, ...(message.blocks ? { blocks: message.blocks } : {}), ...metadata });
      } catch (error) {
        this.log.warn("stream not stopped, answer posted anew", { error });
        await this.replace(ts, message);
        return;
      }
      // stopStream renders its blocks below the streamed text; the edit removes that provisional
      // text. Should it fail, the message still holds the whole answer, its sources and metadata.
      await this.client.chat.update(final).catch((error: unknown) => this.log.warn("streamed text not replaced", { error }));
      return;
    }
    try {
      await this.client.chat.update(final);
    } catch (error) {
      this.log.warn("placeholder not updated, answer posted anew", { error });
      await this.replace(ts, message);
    }
  }

  private flush(): void {
    if (this.queued) return;
    this.queued = true;
    this.work = this.work.then(async () => {
      this.queued = false;
      await this.send();
    });
  }

  /** Never rejects: a failed update only stops the provisional text, the answer still comes. */
  private async send(): Promise<void> {
    const text = this.text;
    if (this.closed || this.stalled || text.length === this.sent) return;
    const { channel } = this.target;
    try {
      if (!this.ts) await this.open(text);
      else if (this.via === "stream") await this.client.chat.appendStream({ channel, ts: this.ts, markdown_text: text.slice(this.sent) });
      else await this.client.chat.update({ channel, ts: this.ts, text: `${text}${WRITING}` });
      this.sent = text.length;
    } catch (error) {
      this.stalled = true;
      this.log.warn("provisional answer not updated", { via: this.delivery, error });
    }
  }

  /** A stream in the thread, or a placeholder to edit when Slack refuses the stream methods. */
  private async open(text: string): Promise<void> {
    const { channel, threadTs, teamId, userId, clearStatus } = this.target;
    await clearStatus?.().catch((error: unknown) => this.log.warn("assistant status not cleared", { error }));
    if (threadTs) {
      try {
        const res = await this.client.chat.startStream({
          channel,
          thread_ts: threadTs,
          recipient_user_id: userId,
          ...(teamId ? { recipient_team_id: teamId } : {}),
          markdown_text: text,
        });
        this.opened("stream", res.ts);
        return;
      } catch (error) {
        this.log.info("streaming refused, editing a placeholder instead", { error });
      }
      // The answer came meanwhile: posting it once beats a placeholder edited at once.
      if (this.closed) return;
    }
    const res = await this.client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), text: `${text}${WRITING}` });
    this.opened("edit", res.ts);
  }

  private opened(via: "stream" | "edit", ts: string | undefined): void {
    if (!ts) throw new Error(`${via === "stream" ? "chat.startStream" : "chat.postMessage"} returned no ts`);
    this.via = via;
    this.ts = ts;
  }

  /** A provisional message that cannot become the answer is removed, and the answer posted. */
  private async replace(ts: string, message: SlackMessage): Promise<void> {
    await this.client.chat.delete({ channel: this.target.channel, ts }).catch((error: unknown) => this.log.warn("provisional answer not deleted", { error }));
    await this.reply(message);
  }
}
