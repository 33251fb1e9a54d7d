import { BOT, type ApiCall } from "./fake-slack.js";

type Message = Record<string, unknown> & { text: string };

/**
 * The bot's messages in a thread as `conversations.replies` would return them, rebuilt from the
 * Web API calls that made them (posted, streamed, edited, deleted): what a follow-up really sees.
 */
export function botReplies(calls: readonly ApiCall[], channel: string, threadTs: string): Message[] {
  const messages = new Map<string, Message>();
  for (const { method, params: p, response } of calls) {
    if (p.channel !== channel || !response?.ok) continue;
    const ts = String(response.ts);
    const message = messages.get(ts);
    const text = (key: string) => (typeof p[key] === "string" ? (p[key] as string) : "");
    if ((method === "chat.postMessage" || method === "chat.startStream") && p.thread_ts === threadTs) {
      messages.set(ts, { ts, user: BOT.user_id, bot_id: BOT.bot_id, thread_ts: threadTs, text: text("text") || text("markdown_text"), ...pick(p, "blocks", "metadata") });
    } else if (message && method === "chat.appendStream") {
      message.text += text("markdown_text");
    } else if (message && method === "chat.stopStream") {
      // Slack renders stopStream's blocks after the streamed text; the text stays the streamed one.
      Object.assign(message, pick(p, "blocks", "metadata"));
    } else if (message && method === "chat.update") {
      // Slack keeps the blocks and metadata an edit does not mention.
      Object.assign(message, { text: text("text") }, pick(p, "blocks", "metadata"));
    } else if (method === "chat.delete") {
      messages.delete(String(p.ts));
    }
  }
  return [...messages.values()];
}

function pick(params: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => params[k] !== undefined).map((k) => [k, params[k]]));
}
