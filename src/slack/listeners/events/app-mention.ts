import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { answerQuestion } from "../../answer-question.js";
import type { SlackDeps } from "../../deps.js";
import { fromPerson } from "../../incoming.js";

type Args = Pick<AllMiddlewareArgs, "client" | "context"> & Pick<SlackEventMiddlewareArgs<"app_mention">, "event" | "body">;

/** A mention in a channel: answered in the mention's thread, the thread's earlier turns as history. */
export function appMention(deps: SlackDeps) {
  return async ({ event, body, client, context }: Args): Promise<void> => {
    const message = fromPerson(event);
    if (!message) return;
    const thread = message.thread_ts ?? message.ts;
    await answerQuestion(
      deps,
      { surface: "mention", team: body.team_id, user: message.user, channel: message.channel, ts: message.ts, threadTs: message.thread_ts, text: message.text },
      {
        client,
        bot: context,
        reply: (m) => client.chat.postMessage({ channel: message.channel, thread_ts: thread, ...m }),
        live: { channel: message.channel, threadTs: thread, teamId: body.team_id, userId: message.user },
      },
    );
  };
}
