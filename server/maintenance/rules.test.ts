import { describe, expect, it } from "vitest";
import { allowedActions, dueAction, nextDueAt, windowProblems, type WindowState } from "@/server/maintenance/rules";

const at = (iso: string) => new Date(iso);
const base: WindowState = {
  status: "scheduled",
  cancelledAt: null,
  scheduledFor: at("2026-01-01T10:00:00Z"),
  scheduledUntil: at("2026-01-01T12:00:00Z"),
  autoStart: true,
  autoComplete: true,
};

describe("dueAction", () => {
  it("starts a scheduled window once its time has come, not before", () => {
    expect(dueAction(base, at("2026-01-01T09:59:59Z"))).toBeNull();
    expect(dueAction(base, at("2026-01-01T10:00:00Z"))).toBe("start");
  });
  it("completes a running window at its end, whether in progress or verifying", () => {
    expect(dueAction({ ...base, status: "in_progress" }, at("2026-01-01T11:00:00Z"))).toBeNull();
    expect(dueAction({ ...base, status: "in_progress" }, at("2026-01-01T12:00:00Z"))).toBe("complete");
    expect(dueAction({ ...base, status: "verifying" }, at("2026-01-01T13:00:00Z"))).toBe("complete");
  });
  it("closes a window that was never started when the scheduler comes back after it ended", () => {
    expect(dueAction(base, at("2026-01-01T12:30:00Z"))).toBe("close_unstarted");
    expect(dueAction({ ...base, autoComplete: false }, at("2026-01-01T12:30:00Z"))).toBe("start");
  });
  it("leaves manual, cancelled and completed windows alone", () => {
    expect(dueAction({ ...base, autoStart: false }, at("2026-01-01T11:00:00Z"))).toBeNull();
    expect(dueAction({ ...base, status: "in_progress", autoComplete: false }, at("2026-01-02T00:00:00Z"))).toBeNull();
    expect(dueAction({ ...base, cancelledAt: at("2026-01-01T09:00:00Z") }, at("2026-01-01T11:00:00Z"))).toBeNull();
    expect(dueAction({ ...base, status: "completed" }, at("2026-01-02T00:00:00Z"))).toBeNull();
  });
});

describe("nextDueAt", () => {
  it("is the start for a scheduled window and the end for a running one", () => {
    expect(nextDueAt(base)).toEqual(base.scheduledFor);
    expect(nextDueAt({ ...base, status: "verifying" })).toEqual(base.scheduledUntil);
    expect(nextDueAt({ ...base, status: "completed" })).toBeNull();
  });
});

describe("allowedActions", () => {
  it("lets a scheduled window be edited, started or cancelled but not ended", () => {
    expect(allowedActions(base)).toEqual({ editSchedule: true, start: true, postUpdate: true, extend: true, end: false, cancel: true });
  });
  it("lets a running window be extended or ended but not cancelled", () => {
    expect(allowedActions({ ...base, status: "in_progress" })).toMatchObject({ editSchedule: false, extend: true, end: true, cancel: false });
  });
  it("allows nothing but edits of wording once completed", () => {
    expect(allowedActions({ ...base, status: "completed" })).toEqual({ editSchedule: false, start: false, postUpdate: false, extend: false, end: false, cancel: false });
  });
});

describe("windowProblems", () => {
  it("wants an end after the start and in the future", () => {
    const now = at("2026-01-01T11:00:00Z");
    expect(windowProblems(base, now)).toEqual({});
    expect(windowProblems({ ...base, scheduledUntil: base.scheduledFor }, now).scheduledUntil).toBeDefined();
    expect(windowProblems({ ...base, scheduledUntil: at("2026-01-01T10:30:00Z") }, now).scheduledUntil).toEqual(["The window must end in the future."]);
  });
});
