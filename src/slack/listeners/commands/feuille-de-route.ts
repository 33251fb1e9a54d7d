import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { answerQuestion } from "../../answer-question.js";
import type { SlackDeps } from "../../deps.js";
import { respondEphemeral } from "../../reply.js";

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
      {
        surface: "command",
        team: command.team_id,
        user: command.user_id,
        channel: command.channel_id,
        text: command.text,
        triggerId: command.trigger_id,
        responseUrl: command.response_url,
      },
      { client, bot: context, reply: respondEphemeral(respond) },
    );
  };
}
