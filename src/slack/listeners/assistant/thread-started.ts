import type { AssistantThreadStartedMiddleware } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { SUGGESTED_PROMPTS } from "../../messages.js";

type Args = Pick<Parameters<AssistantThreadStartedMiddleware>[0], "setSuggestedPrompts">;

/** A new thread in the assistant panel: French prompts to start from. */
export function assistantThreadStarted(deps: SlackDeps) {
  return async ({ setSuggestedPrompts }: Args): Promise<void> => {
    await setSuggestedPrompts(SUGGESTED_PROMPTS);
    deps.log.info("assistant thread started");
  };
}
