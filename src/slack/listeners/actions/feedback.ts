import type { AllMiddlewareArgs, BlockAction, FeedbackButtonsAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { FEEDBACK_THANKS, FEEDBACK_UNAVAILABLE } from "../../messages.js";
import { parseFeedbackValue } from "../../render.js";

type Args = Pick<AllMiddlewareArgs, "client"> & Pick<SlackActionMiddlewareArgs<BlockAction<FeedbackButtonsAction>>, "ack" | "body" | "action" | "respond">;

/**
 * A click on Utile / Pas utile: stored (user ID hashed), and thanked privately; when the store
 * cannot be written, the person is told the click was not kept. A replayed click (same action
 * timestamp, same person) is stored and thanked once.
 */
export function feedback(deps: SlackDeps) {
  return async ({ ack, body, action, client, respond }: Args): Promise<void> => {
    await ack();
    const click = parseFeedbackValue(action.value);
    if (!click) {
      deps.log.warn("feedback value not understood");
      return;
    }
    if (!deps.dedupe.firstInteraction(body.user.id, `action/${action.action_ts}`)) {
      deps.log.info("replayed feedback ignored", { answer_id: click.answerId });
      return;
    }
    const outcome = await deps.storage.recordFeedback({ answerId: click.answerId, rating: click.rating, userId: body.user.id, clickId: action.action_ts });
    if (outcome === "duplicate") {
      deps.log.info("replayed feedback ignored", { answer_id: click.answerId });
      return;
    }
    if (outcome === "stored") deps.log.info("feedback", { rating: click.rating, answer_id: click.answerId });
    else if (outcome === "unknown") deps.log.warn("feedback on an unknown answer", { rating: click.rating, answer_id: click.answerId });
    // The store said why once, at warn; each click it cannot keep is counted here.
    else deps.log.info("feedback not stored: the store is unavailable", { rating: click.rating, answer_id: click.answerId });

    const text = outcome === "unavailable" ? FEEDBACK_UNAVAILABLE : FEEDBACK_THANKS[click.rating];
    const threadTs: unknown = body.container["thread_ts"];
    // Ephemeral answers (slash command) can only be followed up through their response_url.
    if (body.container["is_ephemeral"] || !body.channel) {
      await respond({ response_type: "ephemeral", replace_original: false, text });
    } else {
      await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text, ...(typeof threadTs === "string" ? { thread_ts: threadTs } : {}) });
    }
  };
}
