import { describe, expect, it } from "vitest";
import { cadenceMinutes, cadenceState, deriveStatus, formatCountdown, isReminderOwed, nextUpdateDue, publishedDisplayAt } from "@/server/incidents/rules";

const t = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 12, minutes));

describe("cadence", () => {
  it("defaults by impact and yields to the incident's own cadence", () => {
    expect([cadenceMinutes("critical", null), cadenceMinutes("major", null), cadenceMinutes("minor", null), cadenceMinutes("none", null)]).toEqual([30, 30, 60, 60]);
    expect(cadenceMinutes("critical", 15)).toBe(15);
  });

  it("is due one cadence after the last update, and not at all once resolved", () => {
    expect(nextUpdateDue(t(0), "major", null, "investigating")).toEqual(t(30));
    expect(nextUpdateDue(t(0), "minor", 20, "monitoring")).toEqual(t(20));
    expect(nextUpdateDue(t(0), "major", null, "resolved")).toBeNull();
    expect(nextUpdateDue(t(0), "major", null, "postmortem")).toBeNull();
  });

  it("counts down and turns overdue at the due time", () => {
    expect(cadenceState(t(30), t(29))).toEqual({ overdue: false, remainingMs: 60_000 });
    expect(cadenceState(t(30), t(30)).overdue).toBe(true);
    expect(cadenceState(t(30), t(33))).toEqual({ overdue: true, remainingMs: -180_000 });
    expect(formatCountdown(65_000)).toBe("1:05");
    expect(formatCountdown(-3_723_000)).toBe("1:02:03");
  });

  it("owes one reminder per overdue period, only for published incidents", () => {
    const due = t(30);
    const open = { visibility: "published" as const, nextUpdateDueAt: due, cadenceRemindedFor: null };
    expect(isReminderOwed(open, t(29))).toBe(false);
    expect(isReminderOwed(open, t(30))).toBe(true);
    expect(isReminderOwed({ ...open, cadenceRemindedFor: due }, t(45))).toBe(false);
    // A new update set a new due time: the next overdue period owes a reminder again.
    expect(isReminderOwed({ ...open, nextUpdateDueAt: t(60), cadenceRemindedFor: due }, t(61))).toBe(true);
    expect(isReminderOwed({ ...open, visibility: "internal" }, t(45))).toBe(false);
    expect(isReminderOwed({ ...open, nextUpdateDueAt: null }, t(45))).toBe(false);
  });
});

describe("status derivation", () => {
  const u = (status: "investigating" | "identified" | "monitoring" | "resolved", minutes: number, createdMinutes = minutes) => ({
    status,
    displayAt: t(minutes),
    createdAt: t(createdMinutes),
  });

  it("is the latest update's status, with the first time each stage was reached", () => {
    expect(deriveStatus([], false)).toEqual({ status: "investigating", identifiedAt: null, monitoringAt: null, resolvedAt: null });
    const updates = [u("investigating", 0), u("identified", 10), u("identified", 20), u("monitoring", 30), u("resolved", 40)];
    expect(deriveStatus(updates, false)).toEqual({ status: "resolved", identifiedAt: t(10), monitoringAt: t(30), resolvedAt: t(40) });
    expect(deriveStatus(updates, true).status).toBe("postmortem");
  });

  it("orders by display time, so a back-filled update does not become the latest", () => {
    const updates = [u("investigating", 0), u("monitoring", 30), u("identified", 10, 50)];
    expect(deriveStatus(updates, false)).toMatchObject({ status: "monitoring", identifiedAt: t(10) });
  });

  it("reopens when an update follows a resolution", () => {
    expect(deriveStatus([u("resolved", 10), u("investigating", 20)], true)).toMatchObject({ status: "investigating", resolvedAt: null });
  });

  it("posts a draft now unless it was written for a past time", () => {
    const now = t(90);
    expect(publishedDisplayAt(undefined, { displayAt: t(10), createdAt: t(10) }, now)).toEqual(now);
    expect(publishedDisplayAt(undefined, { displayAt: t(5), createdAt: t(60) }, now)).toEqual(t(5));
    expect(publishedDisplayAt(t(7), { displayAt: t(10), createdAt: t(10) }, now)).toEqual(t(7));
    expect(publishedDisplayAt(undefined, null, now)).toEqual(now);
  });
});
