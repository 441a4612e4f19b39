// The flap filter: one probe's health at one location, moved only by several results in a row. Pure.
//
// A location goes down after `failThreshold` failures in a row and comes back after `recoverThreshold`
// successes in a row, so one lost packet never changes the page. Slowness works the same way: it takes
// `failThreshold` slow results in a row to become degraded and `recoverThreshold` fast ones to leave it.
// A probe that has never reported is unknown; its first success counts at once (there is nothing to
// flap from), its first failures still need the threshold.

export type ProbeOutcome = "up" | "degraded" | "down";
export type ProbeHealth = "unknown" | "up" | "degraded" | "down";

export interface MachineState {
  health: ProbeHealth;
  /** Consecutive failed results. */
  failStreak: number;
  /** Consecutive results that were not failures (fast or slow). */
  okStreak: number;
  /** Consecutive slow results. */
  slowStreak: number;
  /** Consecutive fast results. */
  fastStreak: number;
}

export interface Thresholds {
  failThreshold: number;
  recoverThreshold: number;
}

export const INITIAL_STATE: Readonly<MachineState> = Object.freeze({ health: "unknown", failStreak: 0, okStreak: 0, slowStreak: 0, fastStreak: 0 });

export function step(state: MachineState, outcome: ProbeOutcome, t: Thresholds): MachineState {
  const next: MachineState = {
    health: state.health,
    failStreak: outcome === "down" ? state.failStreak + 1 : 0,
    okStreak: outcome === "down" ? 0 : state.okStreak + 1,
    slowStreak: outcome === "degraded" ? state.slowStreak + 1 : 0,
    fastStreak: outcome === "up" ? state.fastStreak + 1 : 0,
  };
  const fail = Math.max(1, t.failThreshold);
  const recover = Math.max(1, t.recoverThreshold);
  switch (state.health) {
    case "unknown":
      if (outcome === "down") next.health = next.failStreak >= fail ? "down" : "unknown";
      else next.health = outcome;
      break;
    case "up":
      if (next.failStreak >= fail) next.health = "down";
      else if (next.slowStreak >= fail) next.health = "degraded";
      break;
    case "degraded":
      if (next.failStreak >= fail) next.health = "down";
      else if (next.fastStreak >= recover) next.health = "up";
      break;
    case "down":
      if (next.okStreak >= recover) next.health = next.slowStreak > 0 ? "degraded" : "up";
      break;
  }
  return next;
}

/** Runs a sequence of outcomes through the machine (tests, and catching up on a batch). */
export function run(state: MachineState, outcomes: ProbeOutcome[], t: Thresholds): MachineState {
  return outcomes.reduce((s, o) => step(s, o, t), state);
}
