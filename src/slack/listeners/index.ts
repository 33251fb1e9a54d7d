import { Assistant, type App, type BlockAction, type FeedbackButtonsAction } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { guard } from "../guard.js";
import { COMMAND } from "../messages.js";
import { FEEDBACK_ACTION_ID } from "../render.js";
import { feedback } from "./actions/feedback.js";
import { assistantThreadContextChanged } from "./assistant/thread-context-changed.js";
import { assistantThreadStarted } from "./assistant/thread-started.js";
import { assistantUserMessage } from "./assistant/user-message.js";
import { feuilleDeRoute } from "./commands/feuille-de-route.js";
import { appHomeOpened } from "./events/app-home-opened.js";
import { appMention } from "./events/app-mention.js";
import { directMessage } from "./events/message-im.js";

/** Every listener, registered in one place. The guard comes first; the assistant before `message`, which it intercepts for its threads. */
export function registerListeners(app: App, deps: SlackDeps): void {
  app.use(guard(deps));
  app.assistant(
    new Assistant({
      threadStarted: assistantThreadStarted(deps),
      threadContextChanged: assistantThreadContextChanged(deps),
      userMessage: assistantUserMessage(deps),
    }),
  );
  app.event("app_mention", appMention(deps));
  app.event("message", directMessage(deps));
  app.event("app_home_opened", appHomeOpened(deps));
  app.action<BlockAction<FeedbackButtonsAction>>(FEEDBACK_ACTION_ID, feedback(deps));
  app.command(COMMAND, feuilleDeRoute(deps));
}
