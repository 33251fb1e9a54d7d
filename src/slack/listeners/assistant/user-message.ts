import type { AssistantUserMessageMiddleware } from "@slack/bolt";
import { answerQuestion } from "../../answer-question.js";
import type { SlackDeps } from "../../deps.js";
import { askedIn, fromPerson, liveTargetOf } from "../../incoming.js";
import { THINKING } from "../../messages.js";
import { threadTitle } from "../../render.js";
import { postInConversation } from "../../reply.js";

type Args = Pick<Parameters<AssistantUserMessageMiddleware>[0], "message" | "body" | "client" | "context" | "setStatus" | "setTitle">;

/**
 * A message in an assistant thread (also any DM written in a thread: Bolt routes both here). The
 * status shows progress until the answer is posted or starts streaming; the first question titles
 * the thread.
 */
export function assistantUserMessage(deps: SlackDeps) {
  return async ({ message: event, body, client, context, setStatus, setTitle }: Args): Promise<void> => {
    const message = fromPerson(event);
    if (!message) return;
    const thread = message.thread_ts ?? message.ts;
    const asked = askedIn(message, body, { surface: "assistant", threadTs: thread, replyThreadTs: thread });
    await answerQuestion(deps, asked, {
      client,
      bot: context,
      reply: postInConversation(client, asked),
      onSearch: async (question, history) => {
        await setStatus(THINKING);
        if (!history.some((t) => t.role === "user")) await setTitle(threadTitle(question));
      },
      live: { ...liveTargetOf(asked), clearStatus: () => setStatus("") },
    });
  };
}
