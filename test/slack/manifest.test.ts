import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND } from "../../src/slack/messages.js";
import { EVENTS_PATH } from "../../src/slack/server.js";

interface Manifest {
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    assistant_view: { assistant_description: string };
    slash_commands: { command: string; url: string; should_escape: boolean }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string } };
}

const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../slack/manifest.json"), "utf8")) as Manifest;

describe("slack/manifest.json", () => {
  it("asks for exactly the scopes the app uses", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ["app_mentions:read", "assistant:write", "channels:history", "chat:write", "commands", "groups:history", "im:history", "im:read", "im:write"].sort(),
    );
  });

  it("subscribes to the events the listeners handle", () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      ["app_home_opened", "app_mention", "assistant_thread_context_changed", "assistant_thread_started", "message.im"].sort(),
    );
  });

  it("declares the slash command, interactivity, the assistant view and the Home tab, all on /slack/events", () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([COMMAND]);
    expect(manifest.features.slash_commands[0]!.should_escape).toBe(false);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.assistant_view.assistant_description).not.toBe("");
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    for (const url of [manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url, manifest.features.slash_commands[0]!.url]) {
      expect(new URL(url).pathname).toBe(EVENTS_PATH);
    }
  });
});
