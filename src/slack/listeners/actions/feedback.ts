import type { AllMiddlewareArgs, BlockAction, FeedbackButtonsAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { FEEDBACK_THANKS } from "../../messages.js";
import { parseFeedbackValue } from "../../render.js";

type Args = Pick<AllMiddlewareArgs, "client"> & Pick<SlackActionMiddlewareArgs<BlockAction<FeedbackButtonsAction>>, "ack" | "body" | "action" | "respond">;

/** A click on Utile / Pas utile: stored (user ID hashed), and thanked privately. */
export function feedback(deps: SlackDeps) {
  return async ({ ack, body, action, client, respond }: Args): Promise<void> => {
    await ack();
    const click = parseFeedbackValue(action.value);
    if (!click) {
      deps.log.warn("feedback value not understood");
      return;
    }
    const row = deps.feedback.recordFeedback({ answerId: click.answerId, rating: click.rating, userId: body.user.id });
    if (row) deps.log.info("feedback", { rating: click.rating, answer_id: click.answerId });
    else deps.log.warn("feedback on an unknown answer", { rating: click.rating, answer_id: click.answerId });

    const text = FEEDBACK_THANKS[click.rating];
    const threadTs: unknown = body.container["thread_ts"];
    // Ephemeral answers (slash command) can only be followed up through their response_url.
    if (body.container["is_ephemeral"] || !body.channel) {
      await respond({ response_type: "ephemeral", replace_original: false, text });
    } else {
      await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text, ...(typeof threadTs === "string" ? { thread_ts: threadTs } : {}) });
    }
  };
}
