import type { webApi } from "@slack/bolt";
import { z } from "zod";
import type { Turn } from "../answer/schema.js";
import { cleanSlackText } from "./clean.js";
import { ANSWER_EVENT_TYPE } from "./render.js";

/** Enough for any follow-up: the pipeline only looks at the last question and the last answer. */
export const MAX_HISTORY_TURNS = 20;
const PAGE_SIZE = 200;
const MAX_PAGES = 5;

export interface BotIdentity {
  botUserId?: string | undefined;
  botId?: string | undefined;
}

const ThreadMessage = z.object({
  ts: z.string(),
  text: z.string().default(""),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  metadata: z.object({ event_type: z.string().optional(), event_payload: z.record(z.string(), z.unknown()).optional() }).optional(),
});

export interface HistoryOptions {
  /** The message being answered: only what came before it is history. */
  before: string;
  bot: BotIdentity;
  /** In channels, only messages that mention the bot were questions to it; the rest is chatter. */
  addressedOnly: boolean;
}

/**
 * A thread (from `conversations.replies`) as conversation turns, oldest first. The bot's messages
 * become assistant turns carrying the citation IDs kept in their metadata; consecutive ones merge.
 */
export function threadTurns(messages: readonly unknown[], { before, bot, addressedOnly }: HistoryOptions): Turn[] {
  const turns: Turn[] = [];
  for (const raw of messages) {
    const parsed = ThreadMessage.safeParse(raw);
    if (!parsed.success) continue;
    const m = parsed.data;
    // Slack timestamps share one fixed format ("1700000000.000100"), so strings compare in time order.
    if (m.ts >= before) continue;
    const fromBot = (bot.botId !== undefined && m.bot_id === bot.botId) || (bot.botUserId !== undefined && m.user === bot.botUserId);
    if (fromBot) {
      if (m.subtype && m.subtype !== "bot_message") continue;
      const payload = m.metadata?.event_type === ANSWER_EVENT_TYPE ? m.metadata.event_payload : undefined;
      const citations = typeof payload?.citations === "string" ? payload.citations.split(" ").filter(Boolean) : [];
      const last = turns.at(-1);
      if (last?.role === "assistant") {
        last.text = `${last.text}\n${cleanSlackText(m.text)}`;
        last.citations.push(...citations);
      } else {
        turns.push({ role: "assistant", text: cleanSlackText(m.text), citations });
      }
      continue;
    }
    if (m.bot_id || m.subtype || !m.user) continue;
    if (addressedOnly && bot.botUserId && !m.text.includes(`<@${bot.botUserId}`)) continue;
    const text = cleanSlackText(m.text);
    if (text) turns.push({ role: "user", text, citations: [] });
  }
  return turns.slice(-MAX_HISTORY_TURNS);
}

export async function fetchThreadTurns(client: webApi.WebClient, channel: string, threadTs: string, options: HistoryOptions): Promise<Turn[]> {
  const messages: unknown[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await client.conversations.replies({ channel, ts: threadTs, limit: PAGE_SIZE, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
    messages.push(...(res.messages ?? []));
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return threadTurns(messages, options);
}

/** A thread's earlier turns, read from Slack; rejects past its deadline or on a rate limit. */
export type ThreadReader = (channel: string, threadTs: string, options: HistoryOptions) => Promise<Turn[]>;

/**
 * Reads threads with a client of their own, which fails at once on a rate limit
 * (`rejectRateLimitedCalls`) instead of waiting out Retry-After: a WebClient pauses every call it
 * queues for that time, and the client that posts answers must not be held up by a history read.
 * A deadline bounds the whole read, pages included.
 */
export function threadReader(client: webApi.WebClient, deadlineMs: number): ThreadReader {
  return (channel, threadTs, options) => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`thread history not read within ${deadlineMs} ms`)), deadlineMs);
    });
    return Promise.race([fetchThreadTurns(client, channel, threadTs, options), deadline]).finally(() => clearTimeout(timer));
  };
}
