import type { webApi } from "@slack/bolt";
import { answerQuestion, Asked, pendingKey, type Conversation } from "./answer-question.js";
import type { SlackDeps } from "./deps.js";
import type { BotIdentity } from "./history.js";
import { RESTART_APOLOGY } from "./messages.js";
import { notice, type SlackMessage } from "./render.js";
import { postInConversation } from "./reply.js";

/**
 * How old an unanswered question may be to be answered after a restart. Older, its author has
 * likely asked again or moved on: a short apology in its thread says it was not forgotten.
 */
export const RECOVERY_MAX_AGE_MS = 5 * 60_000;

/**
 * The questions a previous run acknowledged and never answered (it was killed, or its drain ran
 * out). Read synchronously before the server takes events, their deliveries marked as seen, so a
 * redelivery of one of them by Slack is not answered a second time. The promise settles once
 * each has its reply.
 */
export function recoverPending(deps: SlackDeps, client: webApi.WebClient, now: number = Date.now()): Promise<void> {
  const fresh: Asked[] = [];
  const stale: Asked[] = [];
  let dropped = 0;
  for (const row of deps.storage.pending()) {
    const parsed = Asked.safeParse(row.payload);
    if (!parsed.success) {
      dropped += 1;
      deps.storage.clearPending(row.key);
      continue;
    }
    const asked = parsed.data;
    if (asked.eventId) deps.dedupe.firstDelivery(asked.eventId);
    (now - Date.parse(row.received_at) <= RECOVERY_MAX_AGE_MS ? fresh : stale).push(asked);
  }
  if (fresh.length + stale.length + dropped) deps.log.info("pending questions from the last run", { answered: fresh.length, apologised: stale.length, dropped });

  let bot: Promise<BotIdentity> | undefined;
  // Who the bot is, to read its own messages in a thread; asked only when a recovered question has one.
  const identity = () =>
    (bot ??= client.auth.test().then(
      (r) => ({ botUserId: r.user_id, botId: r.bot_id }),
      () => ({}),
    ));
  const conversation = async (asked: Asked): Promise<Conversation> => ({
    client,
    bot: asked.threadTs ? await identity() : {},
    reply: asked.surface === "command" ? respondThrough(asked.responseUrl) : postInConversation(client, asked),
  });

  return (async () => {
    for (const asked of stale) {
      try {
        await (await conversation(asked)).reply(notice(RESTART_APOLOGY));
      } catch (error) {
        deps.log.warn("restart apology not posted", { surface: asked.surface, error });
      }
      deps.storage.clearPending(pendingKey(asked));
    }
    // One after the other, as they first came: recovery must not crowd out new questions.
    for (const asked of fresh) await answerQuestion(deps, asked, await conversation(asked), { recovered: true });
  })();
}

/** A slash command's ephemeral reply through its response URL, outside Bolt's listener (which gives `respond`). */
function respondThrough(responseUrl: string | undefined): (message: SlackMessage) => Promise<unknown> {
  return async (m) => {
    if (!responseUrl) throw new Error("no response URL to answer the command");
    const res = await fetch(responseUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ response_type: "ephemeral", text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}) }),
    });
    if (!res.ok) throw new Error(`response URL answered ${res.status}`);
  };
}
