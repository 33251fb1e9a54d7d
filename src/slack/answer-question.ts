import { randomUUID } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { webApi } from "@slack/bolt";
import { z } from "zod";
import type { Turn } from "../answer/schema.js";
import { cleanSlackText, isHelpRequest } from "./clean.js";
import type { SlackDeps } from "./deps.js";
import type { BotIdentity } from "./history.js";
import { LiveAnswer, type LiveTarget } from "./live-answer.js";
import { APOLOGY, FILES_NOT_READ, filesOnly, MAX_QUESTION_CHARS, RATE_LIMITED, shortHelp, TOO_LONG } from "./messages.js";
import { helpMessage, notice, renderAnswer, shownExamples, type SlackMessage } from "./render.js";

export const Surface = z.enum(["mention", "dm", "assistant", "command"]);
export type Surface = z.infer<typeof Surface>;

/**
 * A question as acknowledged: everything needed to answer it, now or after a restart (it is
 * stored as pending work until answered).
 */
export const Asked = z.object({
  surface: Surface,
  team: z.string().optional(),
  user: z.string(),
  channel: z.string(),
  /** The user's message; slash commands have none. */
  ts: z.string().optional(),
  /** The thread whose earlier turns give a follow-up its meaning. */
  threadTs: z.string().optional(),
  /** The thread the answer goes to (a channel mention opens one at its own message). */
  replyThreadTs: z.string().optional(),
  /** As Slack sent it, markup included. */
  text: z.string(),
  /** Files came with the message: only its text is read, and the reply says so. */
  files: z.boolean().optional(),
  /** The Events API delivery, so a redelivery after a restart is still recognised. */
  eventId: z.string().optional(),
  /** Slash commands: what identifies a replay, and where the answer goes. */
  triggerId: z.string().optional(),
  responseUrl: z.string().optional(),
});
export type Asked = z.infer<typeof Asked>;

export interface Conversation {
  client: webApi.WebClient;
  bot: BotIdentity;
  reply(message: SlackMessage): Promise<unknown>;
  /** Called once the question will really be searched (the assistant panel shows a status). */
  onSearch?(question: string, history: readonly Turn[]): Promise<unknown>;
  /** Where a model-written answer shows while it is written; without it (slash commands) it is posted once done. */
  live?: LiveTarget;
}

/** The key of a question's pending record: its message, or for a slash command its trigger. */
export function pendingKey(asked: Asked): string {
  return asked.ts ? `${asked.channel}/${asked.ts}` : `command/${asked.user}/${asked.triggerId ?? "?"}`;
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
 * failure is logged and answered with an apology. The question is pending work from its ack until
 * its reply is posted; the answer is stored for feedback after it is posted, never before.
 */
export async function answerQuestion(deps: SlackDeps, asked: Asked, conversation: Conversation, { recovered = false } = {}): Promise<void> {
  const { log } = deps;
  const { surface } = asked;
  // Checked and recorded in the same tick: a twin event arriving meanwhile sees it.
  if (asked.ts && !deps.dedupe.firstMessage(asked.channel, asked.ts)) {
    log.info("duplicate message ignored", { surface, channel: asked.channel });
    return;
  }
  if (asked.triggerId && !deps.dedupe.firstInteraction(asked.user, asked.triggerId)) {
    log.info("replayed command ignored", { surface });
    return;
  }
  const key = pendingKey(asked);
  if (!recovered) deps.storage.addPending(key, surface, asked);
  const started = performance.now();
  let live: LiveAnswer | undefined;
  // Once an answer is being shown live, whatever comes next (the answer, or the apology) replaces it.
  const deliver = (message: SlackMessage) => (live ? live.finish(message) : conversation.reply(message));
  const filesNote = (message: SlackMessage): SlackMessage => (asked.files ? { ...message, text: `${message.text}\n\n${FILES_NOT_READ}` } : message);
  try {
    if (asked.text.length > MAX_QUESTION_CHARS) {
      log.info("question too long", { surface, chars: asked.text.length });
      await conversation.reply(notice(TOO_LONG));
      return;
    }
    const question = cleanSlackText(asked.text);
    if (!question) {
      const examples = shownExamples((await deps.pipeline).describe());
      await conversation.reply(notice(asked.files ? filesOnly(examples) : shortHelp(examples)));
      return;
    }
    if (isHelpRequest(question)) {
      await conversation.reply(filesNote(helpMessage((await deps.pipeline).describe())));
      return;
    }
    // A question recovered after a restart was counted when it first came.
    const decision = recovered ? { allowed: true as const } : deps.rateLimiter.take(`${asked.team ?? ""}:${asked.user}`);
    if (!decision.allowed) {
      log.info("rate limited", { surface, told: decision.notify });
      if (decision.notify) await conversation.reply(notice(RATE_LIMITED));
      return;
    }

    const pipeline = await deps.pipeline;
    const thread = asked.threadTs && asked.ts ? await threadHistory(deps, asked, conversation.bot) : { turns: [], source: "none" as const };
    const history = thread.turns;
    await conversation.onSearch?.(question, history).catch((error: unknown) => log.warn("assistant status not set", { surface, error }));
    live = conversation.live && new LiveAnswer(conversation.client, conversation.live, (m) => conversation.reply(m), log);
    const compose = async () => {
      const answer = await pipeline.ask(question, { history, signal: deps.stopping, ...(live ? { onDelta: live.onDelta } : {}) });
      const answerId = randomUUID();
      return { answer, answerId, message: renderAnswer(answer, answerId, asked.files ? [FILES_NOT_READ] : []) };
    };
    // A model's answer mostly waits on the network; a local one and its rendering are CPU work
    // that would hold up acks. Posting it is a network wait again, outside the turn.
    const { answer, answerId, message } = await (deps.config.LLM_BASE_URL ? compose() : inTurn(compose));
    await deliver(message);
    deps.storage.saveAnswer(answerId, answer);
    if (asked.replyThreadTs) {
      const turns: Turn[] = [
        { role: "user", text: question, citations: [] },
        // As a read of the thread from Slack would give it: the posted text, cleaned.
        { role: "assistant", text: cleanSlackText(message.text), citations: answer.citations.map((c) => c.id) },
      ];
      deps.threads.record(asked.channel, asked.replyThreadTs, turns, thread.source === "slack" ? history : []);
    }
    log.info("answered", {
      surface,
      answer_id: answerId,
      kind: answer.kind,
      refused: answer.refused,
      mode: answer.mode,
      lang: answer.lang,
      citations: answer.citations.map((c) => c.id),
      history: thread.source,
      history_turns: history.length,
      delivery: live?.delivery ?? "post",
      follow_up: answer.standalone_question !== undefined,
      recovered,
      pipeline_ms: answer.timings_ms.total,
      answer_ms: Math.round(performance.now() - started),
    });
    log.debug("question", { surface, question, standalone_question: answer.standalone_question });
  } catch (error) {
    log.error("answer failed", { surface, error, answer_ms: Math.round(performance.now() - started) });
    await deliver(notice(APOLOGY)).catch((e: unknown) => log.error("apology not posted", { surface, error: e }));
  } finally {
    deps.storage.clearPending(key);
  }
}

type ThreadHistory = { turns: Turn[]; source: "memory" | "slack" | "unavailable" };

/**
 * A thread's earlier turns: from the bot's own memory of the thread when it answered there, else
 * read from Slack within a deadline. Without them the question is still answered, as a standalone
 * one.
 */
async function threadHistory(deps: SlackDeps, asked: Asked, bot: BotIdentity): Promise<ThreadHistory> {
  const { channel, threadTs, ts, surface } = asked;
  const remembered = deps.threads.turns(channel, threadTs!);
  if (remembered) return { turns: remembered, source: "memory" };
  try {
    return { turns: await deps.readThread(channel, threadTs!, { before: ts!, bot, addressedOnly: surface === "mention" }), source: "slack" };
  } catch (error) {
    deps.log.warn("thread history unavailable, answered as a standalone question", { surface, error });
    return { turns: [], source: "unavailable" };
  }
}
