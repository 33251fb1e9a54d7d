import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { z } from "zod";
import type { Config } from "../config/env.js";
import type { SlackDeps } from "./deps.js";
import { isDirectMessageChannel } from "./incoming.js";
import { NOT_AVAILABLE } from "./messages.js";

/** Where a request comes from, read leniently from any body shape (event, command, action). */
const OriginBody = z.object({
  event_id: z.string().optional().catch(undefined),
  team_id: z.string().optional().catch(undefined),
  team: z.object({ id: z.string() }).optional().catch(undefined),
  channel_id: z.string().optional().catch(undefined),
  channel: z.object({ id: z.string() }).optional().catch(undefined),
  command: z.string().optional().catch(undefined),
  event: z
    .object({
      channel: z.string().optional().catch(undefined),
      assistant_thread: z.object({ channel_id: z.string() }).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

export interface Origin {
  eventId?: string | undefined;
  team?: string | undefined;
  channel?: string | undefined;
  command: boolean;
}

export function originOf(body: unknown): Origin {
  const o = OriginBody.catch({}).parse(body);
  return {
    eventId: o.event_id,
    team: o.team_id ?? o.team?.id,
    channel: o.event?.channel ?? o.event?.assistant_thread?.channel_id ?? o.channel_id ?? o.channel?.id,
    command: o.command !== undefined,
  };
}

/** Optional allowlists; a direct message is allowed whenever its workspace is. */
export function isAllowed(config: Pick<Config, "SLACK_ALLOWED_TEAMS" | "SLACK_ALLOWED_CHANNELS">, { team, channel }: Origin): boolean {
  const teams = config.SLACK_ALLOWED_TEAMS;
  const channels = config.SLACK_ALLOWED_CHANNELS;
  if (teams.length && (!team || !teams.includes(team))) return false;
  if (channels.length && channel && !isDirectMessageChannel(channel) && !channels.includes(channel)) return false;
  return true;
}

/**
 * First of the app's middleware: a redelivered event (same `event_id`, typically with
 * `X-Slack-Retry-Num`) and anything outside the allowlists stop here. Commands and actions are
 * still acknowledged, or Slack would show the person an error.
 */
export function guard(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const origin = originOf(args.body);
    if (origin.eventId && !deps.dedupe.firstDelivery(origin.eventId)) {
      deps.log.info("duplicate delivery ignored", { event_id: origin.eventId, retry_num: args.context.retryNum, retry_reason: args.context.retryReason });
      return;
    }
    if (!isAllowed(deps.config, origin)) {
      deps.log.info("outside the allowlists", { team: origin.team, channel: origin.channel });
      const { ack } = args as { ack?: (response?: string) => Promise<void> };
      await ack?.(origin.command ? NOT_AVAILABLE : undefined);
      return;
    }
    await args.next();
  };
}
