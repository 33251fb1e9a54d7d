import { BOT } from "./fake-slack.js";

let counter = 0;
/** Distinct, increasing Slack timestamps for user messages. */
export function userTs(): string {
  counter += 1;
  return `1700000000.${String(counter).padStart(6, "0")}`;
}

export function mention(text: string, fields: { channel?: string; ts?: string; thread_ts?: string; user?: string } = {}) {
  const ts = fields.ts ?? userTs();
  return {
    type: "app_mention" as const,
    user: fields.user ?? "U0ALICE",
    text: `<@${BOT.user_id}> ${text}`,
    ts,
    channel: fields.channel ?? "C0GENERAL",
    event_ts: ts,
    team: BOT.team_id,
    client_msg_id: `msg-${ts}`,
    ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}),
  };
}

export function directMessage(text: string, fields: { channel?: string; ts?: string; thread_ts?: string; user?: string } = {}) {
  const ts = fields.ts ?? userTs();
  return {
    type: "message" as const,
    channel_type: "im" as const,
    user: fields.user ?? "U0ALICE",
    text,
    ts,
    channel: fields.channel ?? "D0ALICE",
    event_ts: ts,
    team: BOT.team_id,
    ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}),
  };
}

/** The Events API envelope around an event. */
export function envelope(event: Record<string, unknown>, eventId = `Ev${userTs().replace(".", "")}`) {
  return {
    token: "verification-token-unused",
    team_id: BOT.team_id,
    api_app_id: "A0FDR",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [{ enterprise_id: null, team_id: BOT.team_id, user_id: BOT.user_id, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export function feedbackClick(value: string, fields: { channel?: string; message_ts?: string; thread_ts?: string; user?: string; response_url?: string; is_ephemeral?: boolean } = {}) {
  const channel = fields.channel ?? "C0GENERAL";
  const message_ts = fields.message_ts ?? "1700000500.000001";
  return {
    type: "block_actions",
    user: { id: fields.user ?? "U0ALICE", username: "alice", name: "alice", team_id: BOT.team_id },
    api_app_id: "A0FDR",
    token: "verification-token-unused",
    container: { type: "message", message_ts, channel_id: channel, is_ephemeral: fields.is_ephemeral ?? false, ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}) },
    trigger_id: "1.2.3",
    team: { id: BOT.team_id, domain: "fdr" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: "general" },
    message: { type: "message", ts: message_ts, text: "…", bot_id: BOT.bot_id },
    state: { values: {} },
    response_url: fields.response_url ?? "http://127.0.0.1:9/unused",
    actions: [
      {
        type: "feedback_buttons",
        action_id: "feedback",
        block_id: "b1",
        value,
        text: { type: "plain_text", text: "Pas utile" },
        action_ts: "1700000600.000001",
      },
    ],
  };
}

export function slashCommand(text: string, responseUrl: string, fields: { channel_id?: string; user_id?: string; team_id?: string; trigger_id?: string } = {}) {
  return {
    token: "verification-token-unused",
    team_id: fields.team_id ?? BOT.team_id,
    team_domain: "fdr",
    channel_id: fields.channel_id ?? "C0GENERAL",
    channel_name: "general",
    user_id: fields.user_id ?? "U0ALICE",
    user_name: "alice",
    command: "/feuille-de-route",
    text,
    api_app_id: "A0FDR",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: fields.trigger_id ?? `${userTs()}.trigger`,
  };
}
