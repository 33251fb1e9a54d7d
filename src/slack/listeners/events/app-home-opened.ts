import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { homeView } from "../../render.js";

type Args = Pick<AllMiddlewareArgs, "client"> & Pick<SlackEventMiddlewareArgs<"app_home_opened">, "event">;

/** The Home tab: what the bot covers (from the loaded index) and how to ask. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client }: Args): Promise<void> => {
    if (event.tab !== "home") return;
    await client.views.publish({ user_id: event.user, view: homeView((await deps.pipeline).describe()) });
  };
}
