import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { answerQuestion } from "../../answer-question.js";
import type { SlackDeps } from "../../deps.js";

type Args = Pick<AllMiddlewareArgs, "client" | "context"> & Pick<SlackCommandMiddlewareArgs, "ack" | "command" | "respond">;

/**
 * `/feuille-de-route aide | axes | action 14 | 2019 action 12 | <question>`: acknowledged at once,
 * answered privately through the response URL (works in channels the bot has not joined).
 */
export function feuilleDeRoute(deps: SlackDeps) {
  return async ({ ack, command, respond, client, context }: Args): Promise<void> => {
    await ack();
    await answerQuestion(
      deps,
      { surface: "command", team: command.team_id, user: command.user_id, channel: command.channel_id, text: command.text },
      {
        client,
        bot: context,
        reply: (m) => respond({ response_type: "ephemeral", text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}) }),
      },
    );
  };
}
