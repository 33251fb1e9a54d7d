import type { SocketModeReceiver } from "@slack/bolt";
import { z } from "zod";
import type { Logger } from "../config/log.js";

type SocketModeClient = SocketModeReceiver["client"];

/** First wait after a failed reconnection, doubled on each failure up to the cap. */
const RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** Slack's request to move to a new connection (reasons: refresh_requested, warning…). */
const DisconnectMessage = z.object({ type: z.literal("disconnect"), reason: z.string().optional() });

/**
 * Keeps a Socket Mode client connected, reconnecting as soon as its connection drops. The client
 * must run with `autoReconnectEnabled: false`.
 *
 * Why not the SDK's own reconnection: @slack/socket-mode 3.1.0, the newest the npm registry serves,
 * waits clientPingTimeout (5 s) before reconnecting, and after Slack's `disconnect` message it
 * also waits for Slack to close the old socket, which Slack does late: the bot was offline 5 s or
 * more every time Slack refreshed its connection. 3.2.0 fixes both upstream; once it can be
 * installed, this file can go and the SDK can reconnect by itself again.
 */
export function keepConnected(client: SocketModeClient, log: Logger): { stop(): void } {
  let stopped = false;
  let connecting = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;

  const connect = (): void => {
    retry = undefined;
    if (stopped || connecting) return;
    connecting = true;
    client.start().then(
      () => {
        connecting = false;
        failures = 0;
        log.info("slack socket reconnected");
      },
      (error: unknown) => {
        connecting = false;
        if (stopped) return;
        failures += 1;
        const waitMs = Math.min(RETRY_MS * 2 ** (failures - 1), MAX_RETRY_MS);
        log.warn("slack socket reconnection failed", { error, retry_in_ms: waitMs });
        retry = setTimeout(connect, waitMs);
      },
    );
  };

  // The SDK has just sent its close frame: drop the old socket now rather than wait for Slack's
  // side of the close. Events Slack sent before the message have arrived; one left unacknowledged
  // is delivered again, and the listeners answer it once (Dedupe).
  client.on("ws_message", (data: unknown, isBinary: boolean) => {
    if (stopped || isBinary || typeof data !== "string") return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return; // the SDK logs unreadable frames
    }
    const disconnect = DisconnectMessage.safeParse(message);
    if (!disconnect.success) return;
    log.info("slack asked for a new socket", { reason: disconnect.data.reason ?? null });
    client.websocket?.disconnect();
  });
  // Emitted once the old socket is gone (a drop, a missed pong, or the above): reconnect at once,
  // unless an attempt is already under way or waiting to retry.
  client.on("disconnected", () => {
    if (stopped || connecting || retry) return;
    connect();
  });

  return {
    stop: () => {
      stopped = true;
      clearTimeout(retry);
    },
  };
}
