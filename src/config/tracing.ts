import type { Logger } from "./log.js";

/** When one of these is "true", LangChain sends every model call — question, passages, answer — to LangSmith. */
export const TRACING_VARIABLES = ["LANGSMITH_TRACING_V2", "LANGCHAIN_TRACING_V2", "LANGSMITH_TRACING", "LANGCHAIN_TRACING"] as const;

/**
 * Turns LangSmith tracing off, with a warning naming the variables: staff questions must not leave
 * for a third-party service because a variable meant for another project is set in the shell.
 */
export function disableThirdPartyTracing(env: NodeJS.ProcessEnv, log: Logger): void {
  const on = TRACING_VARIABLES.filter((v) => env[v]?.trim().toLowerCase() === "true");
  if (!on.length) return;
  for (const v of on) env[v] = "false";
  log.warn("LangSmith tracing turned off: it would send questions and answers to a third-party service", { variables: on });
}
