import type { AnswerPipeline } from "../answer/pipeline.js";
import type { Config } from "../config/env.js";
import type { Logger } from "../config/log.js";
import type { Storage } from "../storage/storage.js";
import type { Dedupe } from "./dedupe.js";
import type { ThreadReader } from "./history.js";
import type { RateLimiter } from "./rate-limit.js";
import type { ThreadMemory } from "./thread-memory.js";

/** What the Slack layer needs from the pipeline: answering, and describing the loaded index. */
export type SlackPipeline = Pick<AnswerPipeline, "ask" | "describe">;
export type { IndexDescription } from "./render.js";

/** Everything a listener uses, injected so tests drive listeners without Slack. */
export interface SlackDeps {
  /** Resolves once the index is loaded; events that arrive earlier wait for it. */
  pipeline: Promise<SlackPipeline>;
  /** Feedback and pending work: best effort, never on the answer's path. */
  storage: Storage;
  rateLimiter: RateLimiter;
  dedupe: Dedupe;
  /** A thread's earlier turns from Slack, within a short deadline. */
  readThread: ThreadReader;
  /** The bot's own threads as it answered them: a follow-up there needs no call to Slack. */
  threads: ThreadMemory;
  /** Aborted when the service stops: model calls under way are cut and their questions answered extractively. */
  stopping: AbortSignal;
  log: Logger;
  config: Config;
}
