import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { answerQuestion } from "../../answer-question.js";
import type { SlackDeps } from "../../deps.js";
import { askedIn, fromPerson, liveTargetOf } from "../../incoming.js";
import { postInConversation } from "../../reply.js";

type Args = Pick<AllMiddlewareArgs, "client" | "context"> & Pick<SlackEventMiddlewareArgs<"message">, "event" | "body">;

/** A direct message: answered in the DM, in its thread when the person wrote in one. */
export function directMessage(deps: SlackDeps) {
  return async ({ event, body, client, context }: Args): Promise<void> => {
    const message = fromPerson(event);
    // Channel messages are answered through their `app_mention`; a twin `message` event is no second question.
    if (!message || message.channel_type !== "im") return;
    const asked = askedIn(message, body, { surface: "dm", threadTs: message.thread_ts, replyThreadTs: message.thread_ts });
    await answerQuestion(deps, asked, { client, bot: context, reply: postInConversation(client, asked), live: liveTargetOf(asked) });
  };
}
