import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { describeUnexpected, guardProcess } from "../../src/app/process-guard.js";
import { memoryLogger } from "../slack/support/msw-slack.js";

describe("the process guard", () => {
  it("logs an uncaught error or rejection by kind and place, never by message, and lets the process go on", () => {
    const target = new EventEmitter();
    const { log, records } = memoryLogger();
    guardProcess(log, target);
    const error = Object.assign(new TypeError("Cannot read properties of null (reading 'quelle action parle de la cybersécurité')"), { code: "ERR_X" });
    target.emit("uncaughtException", error);
    target.emit("unhandledRejection", new RangeError("question: c'est quoi l'ApCV ?"));
    target.emit("unhandledRejection", "a bare string with a question in it");
    expect(records.map((r) => [r.level, r.msg, r.name])).toEqual([
      ["error", "unexpected error, still serving", "TypeError"],
      ["error", "unexpected rejection, still serving", "RangeError"],
      ["error", "unexpected rejection, still serving", "string"],
    ]);
    expect(records[0]).toMatchObject({ code: "ERR_X", at: expect.stringContaining("process-guard.test.ts") });
    const all = JSON.stringify(records);
    for (const text of ["cybersécurité", "ApCV", "bare string", "Cannot read"]) expect(all).not.toContain(text);
  });

  it("describes a thrown non-error by its type only", () => {
    expect(describeUnexpected(null)).toEqual({ name: "object" });
  });
});
