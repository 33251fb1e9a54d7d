import type { AnswerPipeline } from "../answer/pipeline.js";
import type { Config } from "../config/env.js";
import type { Logger } from "../config/log.js";
import type { Dedupe } from "./dedupe.js";
import type { FeedbackStore } from "./feedback-store.js";
import type { RateLimiter } from "./rate-limit.js";

/** What the Slack layer needs from the pipeline: answering, and describing the loaded index. */
export type SlackPipeline = Pick<AnswerPipeline, "ask" | "describe">;
export type IndexDescription = ReturnType<AnswerPipeline["describe"]>;

/** Everything a listener uses, injected so tests drive listeners without Slack. */
export interface SlackDeps {
  /** Resolves once the index is loaded; events that arrive earlier wait for it. */
  pipeline: Promise<SlackPipeline>;
  feedback: FeedbackStore;
  rateLimiter: RateLimiter;
  dedupe: Dedupe;
  log: Logger;
  config: Config;
}
