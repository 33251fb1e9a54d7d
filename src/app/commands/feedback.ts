import { join, resolve } from "node:path";
import { feedbackCommand } from "../../cli/feedback.js";
import { loadConfig } from "../../config/env.js";
import { FEEDBACK_FILE, FeedbackStore } from "../../storage/feedback-store.js";
import { storageProblem } from "../../storage/problem.js";
import { SetupError } from "../errors.js";
import { run } from "../run.js";

run(async () => {
  const dataDir = resolve(loadConfig().DATA_DIR);
  return feedbackCommand(process.argv.slice(2), () => {
    try {
      return FeedbackStore.open(dataDir);
    } catch (error) {
      throw new SetupError(storageProblem(error, join(dataDir, FEEDBACK_FILE)).advice);
    }
  });
});
