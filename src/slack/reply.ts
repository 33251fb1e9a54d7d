import type { webApi } from "@slack/bolt";
import type { Asked } from "./answer-question.js";
import type { SlackMessage } from "./render.js";

/** Posts in the question's conversation: in the thread the answer belongs to, or top level for a DM outside a thread. */
export function postInConversation(client: webApi.WebClient, asked: Pick<Asked, "channel" | "replyThreadTs">): (message: SlackMessage) => Promise<unknown> {
  return (message) => client.chat.postMessage({ channel: asked.channel, ...(asked.replyThreadTs ? { thread_ts: asked.replyThreadTs } : {}), ...message });
}

/** A slash command's reply, visible to its author only, through its response URL (what Bolt's `respond` does). */
export function respondEphemeral(respond: (body: Record<string, unknown>) => Promise<unknown>): (message: SlackMessage) => Promise<unknown> {
  return (m) => respond({ response_type: "ephemeral", text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}) });
}
