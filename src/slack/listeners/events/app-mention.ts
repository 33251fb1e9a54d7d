import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { answerQuestion } from "../../answer-question.js";
import type { SlackDeps } from "../../deps.js";
import { askedIn, fromPerson, liveTargetOf } from "../../incoming.js";
import { postInConversation } from "../../reply.js";

type Args = Pick<AllMiddlewareArgs, "client" | "context"> & Pick<SlackEventMiddlewareArgs<"app_mention">, "event" | "body">;

/** A mention in a channel: answered in the mention's thread, the thread's earlier turns as history. */
export function appMention(deps: SlackDeps) {
  return async ({ event, body, client, context }: Args): Promise<void> => {
    const message = fromPerson(event);
    if (!message) return;
    const asked = askedIn(message, body, { surface: "mention", threadTs: message.thread_ts, replyThreadTs: message.thread_ts ?? message.ts });
    await answerQuestion(deps, asked, { client, bot: context, reply: postInConversation(client, asked), live: liveTargetOf(asked) });
  };
}
