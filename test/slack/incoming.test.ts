import { describe, expect, it } from "vitest";
import { askedIn, fromPerson, liveTargetOf } from "../../src/slack/incoming.js";
import { directMessage } from "./support/slack-payloads.js";

describe("fromPerson", () => {
  it("accepts a person's message", () => {
    const dm = directMessage("action 14", { ts: "1700000000.000001", thread_ts: "1700000000.000000" });
    expect(fromPerson(dm)).toEqual({ user: "U0ALICE", text: "action 14", ts: "1700000000.000001", channel: "D0ALICE", thread_ts: "1700000000.000000", channel_type: "im" });
  });

  it("ignores bots, this one included, and every subtype", () => {
    const dm = directMessage("action 14");
    expect(fromPerson({ ...dm, bot_id: "BBOT" })).toBeUndefined();
    expect(fromPerson({ ...dm, bot_profile: { id: "B1" } })).toBeUndefined();
    expect(fromPerson({ ...dm, subtype: "bot_message", bot_id: "B1", user: undefined })).toBeUndefined();
    expect(fromPerson({ type: "message", subtype: "message_changed", hidden: true, channel: "D0ALICE", ts: "1.2", message: { ...dm, text: "edited" } })).toBeUndefined();
    expect(fromPerson({ type: "message", subtype: "message_deleted", hidden: true, channel: "D0ALICE", ts: "1.2", deleted_ts: "1.1" })).toBeUndefined();
    expect(fromPerson({ ...dm, subtype: "thread_broadcast" })).toBeUndefined();
  });

  it("accepts a person's message that came with files, and says so", () => {
    const dm = directMessage("action 14", { ts: "1700000000.000001" });
    expect(fromPerson({ ...dm, subtype: "file_share", files: [{ id: "F1" }] })).toMatchObject({ text: "action 14", subtype: "file_share", files: [{ id: "F1" }] });
  });
});

describe("askedIn and liveTargetOf", () => {
  const message = fromPerson({ user: "U1", text: "c'est quoi l'ApCV ?", ts: "1.2", channel: "C1", thread_ts: "1.0", files: [{}] })!;

  it("reads the question from the message and its envelope, the surface and threads from the listener", () => {
    expect(askedIn(message, { team_id: "T1", event_id: "Ev1" }, { surface: "mention", threadTs: "1.0", replyThreadTs: "1.0" })).toEqual({
      surface: "mention", threadTs: "1.0", replyThreadTs: "1.0", team: "T1", user: "U1", channel: "C1", ts: "1.2", text: "c'est quoi l'ApCV ?", files: true, eventId: "Ev1",
    });
  });

  it("shows a model-written answer in the thread the reply goes to, for the person who asked", () => {
    const asked = askedIn(message, { team_id: "T1" }, { surface: "dm", threadTs: undefined, replyThreadTs: "9.9" });
    expect(liveTargetOf(asked)).toEqual({ channel: "C1", threadTs: "9.9", teamId: "T1", userId: "U1" });
  });
});
