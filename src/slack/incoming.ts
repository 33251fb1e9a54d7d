import { z } from "zod";
import type { Asked } from "./answer-question.js";
import type { LiveTarget } from "./live-answer.js";

/**
 * A message a person wrote, with or without files (`file_share`). Bots (this one included), edits
 * (`message_changed`), deletions and every other subtype are not questions: they fail this schema
 * and are ignored.
 */
const PersonMessage = z.object({
  subtype: z.literal("file_share").optional(),
  files: z.array(z.unknown()).optional(),
  bot_id: z.undefined().optional(),
  bot_profile: z.undefined().optional(),
  user: z.string().min(1),
  text: z.string().default(""),
  ts: z.string().min(1),
  channel: z.string().min(1),
  thread_ts: z.string().optional(),
  channel_type: z.string().optional(),
});
type PersonMessage = z.infer<typeof PersonMessage>;

export function fromPerson(event: unknown): PersonMessage | undefined {
  const parsed = PersonMessage.safeParse(event);
  return parsed.success ? parsed.data : undefined;
}

/** Direct-message channel IDs start with D; they belong to one person and the bot. */
export function isDirectMessageChannel(channel: string): boolean {
  return channel.startsWith("D");
}

/**
 * The question a person's message asks, read from the event and its envelope; each listener says
 * which surface it is and which thread the answer goes to.
 */
export function askedIn(
  message: PersonMessage,
  body: { team_id?: string | undefined; event_id?: string | undefined },
  where: Pick<Asked, "surface" | "threadTs" | "replyThreadTs">,
): Asked {
  return {
    ...where,
    team: body.team_id,
    user: message.user,
    channel: message.channel,
    ts: message.ts,
    text: message.text,
    files: !!message.files?.length,
    eventId: body.event_id,
  };
}

/** Where a model-written answer to this question shows while it is written: the reply's thread. */
export function liveTargetOf(asked: Asked): LiveTarget {
  return { channel: asked.channel, threadTs: asked.replyThreadTs, teamId: asked.team, userId: asked.user };
}
