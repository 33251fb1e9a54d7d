import { randomUUID } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { webApi } from "@slack/bolt";
import type { Turn } from "../answer/schema.js";
import { cleanSlackText, isHelpRequest } from "./clean.js";
import type { SlackDeps } from "./deps.js";
import { fetchThreadTurns, type BotIdentity } from "./history.js";
import { LiveAnswer, type LiveTarget } from "./live-answer.js";
import { APOLOGY, MAX_QUESTION_CHARS, RATE_LIMITED, SHORT_HELP, TOO_LONG } from "./messages.js";
import { helpMessage, notice, renderAnswer, type SlackMessage } from "./render.js";

export type Surface = "mention" | "dm" | "assistant" | "command";

export interface Asked {
  surface: Surface;
  team: string | undefined;
  user: string;
  channel: string;
  /** The user's message; slash commands have none. */
  ts?: string | undefined;
  /** The thread whose earlier turns give a follow-up its meaning. */
  threadTs?: string | undefined;
  /** As Slack sent it, markup included. */
  text: string;
}

export interface Conversation {
  client: webApi.WebClient;
  bot: BotIdentity;
  reply(message: SlackMessage): Promise<unknown>;
  /** Called once the question will really be searched (the assistant panel shows a status). */
  onSearch?(question: string, history: readonly Turn[]): Promise<unknown>;
  /** Where a model-written answer shows while it is written; without it (slash commands) it is posted once done. */
  live?: LiveTarget;
}

/**
 * Local answers are ~10 ms of synchronous work each. Run straight after their ack, a burst of
 * deliveries made every ack wait for all the answers queued before it (ack p99 ~400 ms for 50
 * events). One answer at a time, each from a fresh turn of the event loop, lets Node read and ack
 * what is waiting first.
 */
let answering: Promise<unknown> = Promise.resolve();
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const run = answering.then(() => nextTurn()).then(work);
  answering = run.catch(() => undefined);
  return run;
}

/**
 * The one path from a person's message to a posted reply, whatever the surface: duplicates are
 * dropped, empty or overlong messages and rate-limited users get a short reply instead of a search,
 * a model-written answer shows while it is written (where the surface has a `live` target), and a
 * failure is logged and answered with an apology.
 */
export async function answerQuestion(deps: SlackDeps, asked: Asked, conversation: Conversation): Promise<void> {
  const { log } = deps;
  const { surface } = asked;
  // Checked and recorded in the same tick: a twin event arriving meanwhile sees it.
  if (asked.ts && !deps.dedupe.firstMessage(asked.channel, asked.ts)) {
    log.info("duplicate message ignored", { surface, channel: asked.channel });
    return;
  }
  const started = performance.now();
  let live: LiveAnswer | undefined;
  // Once an answer is being shown live, whatever comes next (the answer, or the apology) replaces it.
  const deliver = (message: SlackMessage) => (live ? live.finish(message) : conversation.reply(message));
  try {
    if (asked.text.length > MAX_QUESTION_CHARS) {
      log.info("question too long", { surface, chars: asked.text.length });
      await conversation.reply(notice(TOO_LONG));
      return;
    }
    const question = cleanSlackText(asked.text);
    if (!question) {
      await conversation.reply(notice(SHORT_HELP));
      return;
    }
    if (isHelpRequest(question)) {
      await conversation.reply(helpMessage((await deps.pipeline).describe()));
      return;
    }
    const decision = deps.rateLimiter.take(`${asked.team ?? ""}:${asked.user}`);
    if (!decision.allowed) {
      log.info("rate limited", { surface, told: decision.notify });
      if (decision.notify) await conversation.reply(notice(RATE_LIMITED));
      return;
    }

    const pipeline = await deps.pipeline;
    const history = asked.threadTs && asked.ts ? await threadHistory(deps, asked.surface, conversation, asked.channel, asked.threadTs, asked.ts) : [];
    await conversation.onSearch?.(question, history).catch((error: unknown) => log.warn("assistant status not set", { surface, error }));
    live = conversation.live && new LiveAnswer(conversation.client, conversation.live, (m) => conversation.reply(m), log);
    const compose = async () => {
      const answer = await pipeline.ask(question, live ? { history, onDelta: live.onDelta } : { history });
      const answerId = randomUUID();
      deps.feedback.saveAnswer(answerId, answer);
      return { answer, answerId, message: renderAnswer(answer, answerId) };
    };
    // A model's answer mostly waits on the network; a local one, its record and its rendering are
    // CPU work that would hold up acks. Posting it is a network wait again, outside the turn.
    const { answer, answerId, message } = await (deps.config.LLM_BASE_URL ? compose() : inTurn(compose));
    await deliver(message);
    log.info("answered", {
      surface,
      answer_id: answerId,
      kind: answer.kind,
      refused: answer.refused,
      lang: answer.lang,
      citations: answer.citations.map((c) => c.id),
      history_turns: history.length,
      delivery: live?.delivery ?? "post",
      follow_up: answer.standalone_question !== undefined,
      pipeline_ms: answer.timings_ms.total,
      answer_ms: Math.round(performance.now() - started),
    });
    log.debug("question", { surface, question, standalone_question: answer.standalone_question });
  } catch (error) {
    log.error("answer failed", { surface, error, answer_ms: Math.round(performance.now() - started) });
    await deliver(notice(APOLOGY)).catch((e: unknown) => log.error("apology not posted", { surface, error: e }));
  }
}

/** A thread's earlier turns; without them the question is still answered, as a standalone one. */
async function threadHistory(deps: SlackDeps, surface: Surface, conversation: Conversation, channel: string, threadTs: string, ts: string): Promise<Turn[]> {
  try {
    return await fetchThreadTurns(conversation.client, channel, threadTs, { before: ts, bot: conversation.bot, addressedOnly: surface === "mention" });
  } catch (error) {
    deps.log.warn("thread history unavailable", { surface, error });
    return [];
  }
}
