import { describe, expect, it } from "vitest";
import { INITIAL_STATE, run, step, type ProbeOutcome } from "@/server/probes/state-machine";

const t = { failThreshold: 2, recoverThreshold: 2 };
const healthAfter = (outcomes: ProbeOutcome[], thresholds = t) => run(INITIAL_STATE, outcomes, thresholds).health;

describe("probe state machine", () => {
  it("counts the first success at once but needs the threshold for the first failures", () => {
    expect(healthAfter(["up"])).toBe("up");
    expect(healthAfter(["degraded"])).toBe("degraded");
    expect(healthAfter(["down"])).toBe("unknown");
    expect(healthAfter(["down", "down"])).toBe("down");
  });

  it("does not flap on one lost packet", () => {
    expect(healthAfter(["up", "down", "up", "down", "up"])).toBe("up");
    expect(healthAfter(["up", "down"])).toBe("up");
    expect(healthAfter(["up", "down", "down"])).toBe("down");
  });

  it("needs the recovery threshold of successes in a row to come back", () => {
    expect(healthAfter(["up", "down", "down", "up"])).toBe("down");
    expect(healthAfter(["up", "down", "down", "up", "down", "up"])).toBe("down");
    expect(healthAfter(["up", "down", "down", "up", "up"])).toBe("up");
    expect(healthAfter(["up", "down", "down", "up", "degraded"])).toBe("degraded");
  });

  it("treats slowness with the same thresholds", () => {
    expect(healthAfter(["up", "degraded"])).toBe("up");
    expect(healthAfter(["up", "degraded", "degraded"])).toBe("degraded");
    expect(healthAfter(["up", "degraded", "degraded", "up"])).toBe("degraded");
    expect(healthAfter(["up", "degraded", "degraded", "up", "up"])).toBe("up");
    expect(healthAfter(["degraded", "degraded", "down", "down"])).toBe("down");
  });

  it("honours other thresholds, with 1 meaning every result counts", () => {
    expect(healthAfter(["up", "down"], { failThreshold: 1, recoverThreshold: 1 })).toBe("down");
    expect(healthAfter(["up", "down", "down"], { failThreshold: 3, recoverThreshold: 1 })).toBe("up");
    expect(healthAfter(["up", "down", "down", "down", "up"], { failThreshold: 3, recoverThreshold: 1 })).toBe("up");
  });

  it("keeps the streaks it counts", () => {
    expect(step({ ...INITIAL_STATE, health: "up", failStreak: 1 }, "down", t)).toEqual({ health: "down", failStreak: 2, okStreak: 0, slowStreak: 0, fastStreak: 0 });
  });
});
