import type { AssistantThreadStartedMiddleware } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { suggestedPrompts } from "../../messages.js";

type Args = Pick<Parameters<AssistantThreadStartedMiddleware>[0], "setSuggestedPrompts">;

/** A new thread in the assistant panel: French prompts to start from, the loaded corpus's own examples. */
export function assistantThreadStarted(deps: SlackDeps) {
  return async ({ setSuggestedPrompts }: Args): Promise<void> => {
    await setSuggestedPrompts(suggestedPrompts((await deps.pipeline).describe().examples.fr));
    deps.log.info("assistant thread started");
  };
}
