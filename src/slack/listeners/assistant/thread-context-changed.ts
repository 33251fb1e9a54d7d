import type { SlackDeps } from "../../deps.js";

/**
 * The panel now sits beside another channel. Answers do not depend on the channel in view; and
 * Bolt's default handler would rewrite the thread's first bot message, an answer with its metadata.
 */
export function assistantThreadContextChanged(deps: SlackDeps) {
  return async (): Promise<void> => {
    deps.log.debug("assistant thread context changed");
  };
}
