import { describe, expect, it } from "vitest";
import { moveOneStep, positionChanges } from "@/server/components/admin/order";

describe("moveOneStep", () => {
  it("swaps with the neighbour in the given direction", () => {
    expect(moveOneStep(["a", "b", "c"], "b", "up")).toEqual(["b", "a", "c"]);
    expect(moveOneStep(["a", "b", "c"], "b", "down")).toEqual(["a", "c", "b"]);
  });
  it("does nothing at the ends or for an unknown id", () => {
    expect(moveOneStep(["a", "b"], "a", "up")).toBeNull();
    expect(moveOneStep(["a", "b"], "b", "down")).toBeNull();
    expect(moveOneStep(["a", "b"], "z", "up")).toBeNull();
  });
});

describe("positionChanges", () => {
  it("numbers rows 0..n-1 and leaves rows already in place alone", () => {
    const current = new Map([["a", 0], ["b", 0], ["c", 7]]);
    expect(positionChanges(["a", "b", "c"], current)).toEqual([{ id: "b", position: 1 }, { id: "c", position: 2 }]);
  });
});
