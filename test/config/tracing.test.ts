import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/config/log.js";
import { disableThirdPartyTracing } from "../../src/config/tracing.js";

function recorded() {
  const lines: string[] = [];
  return { log: createLogger("info", { write: (l) => lines.push(l) }), lines };
}

describe("disableThirdPartyTracing", () => {
  it("turns every LangSmith tracing switch off and says which, once", () => {
    const env: NodeJS.ProcessEnv = { LANGCHAIN_TRACING_V2: "true", LANGSMITH_TRACING: " TRUE ", LANGSMITH_API_KEY: "lsv2-secret", OTHER: "true" };
    const { log, lines } = recorded();
    disableThirdPartyTracing(env, log);
    expect(env).toEqual({ LANGCHAIN_TRACING_V2: "false", LANGSMITH_TRACING: "false", LANGSMITH_API_KEY: "lsv2-secret", OTHER: "true" });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: "warn",
      msg: "LangSmith tracing turned off: it would send questions and answers to a third-party service",
      variables: ["LANGCHAIN_TRACING_V2", "LANGSMITH_TRACING"],
    });
    expect(lines[0]).not.toContain("lsv2-secret");
  });

  it("leaves an environment without tracing alone, silently", () => {
    const env: NodeJS.ProcessEnv = { LANGCHAIN_TRACING_V2: "false" };
    const { log, lines } = recorded();
    disableThirdPartyTracing(env, log);
    expect(env).toEqual({ LANGCHAIN_TRACING_V2: "false" });
    expect(lines).toEqual([]);
  });
});
