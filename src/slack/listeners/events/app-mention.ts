import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { answerQuestion, type Asked } from "../../answer-question.js";
import type { SlackDeps } from "../../deps.js";
import { fromPerson } from "../../incoming.js";
import { postInConversation } from "../../reply.js";

type Args = Pick<AllMiddlewareArgs, "client" | "context"> & Pick<SlackEventMiddlewareArgs<"app_mention">, "event" | "body">;

/** A mention in a channel: answered in the mention's thread, the thread's earlier turns as history. */
export function appMention(deps: SlackDeps) {
  return async ({ event, body, client, context }: Args): Promise<void> => {
    const message = fromPerson(event);
    if (!message) return;
    const asked: Asked = {
      surface: "mention",
      team: body.team_id,
      user: message.user,
      channel: message.channel,
      ts: message.ts,
      threadTs: message.thread_ts,
      replyThreadTs: message.thread_ts ?? message.ts,
      text: message.text,
      files: !!message.files?.length,
      eventId: body.event_id,
    };
    await answerQuestion(deps, asked, {
      client,
      bot: context,
      reply: postInConversation(client, asked),
      live: { channel: message.channel, threadTs: asked.replyThreadTs, teamId: body.team_id, userId: message.user },
    });
  };
}
