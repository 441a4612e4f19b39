import { describe, expect, it } from "vitest";
import { auditDiff } from "@/server/audit/diff";

describe("auditDiff", () => {
  it("lists only the fields that changed, ignoring updatedAt", () => {
    expect(
      auditDiff({ name: "API", ownerTeam: null, position: 1, updatedAt: "a" }, { name: "Public API", ownerTeam: "Core", position: 1, updatedAt: "b" }),
    ).toEqual([
      { field: "name", before: "API", after: "Public API" },
      { field: "ownerTeam", before: "—", after: "Core" },
    ]);
  });
  it("shows a creation as fields with no before, and a deletion as fields with no after", () => {
    expect(auditDiff(null, { name: "Search" })).toEqual([{ field: "name", before: null, after: "Search" }]);
    expect(auditDiff({ revokedAt: null }, null)).toEqual([{ field: "revokedAt", before: "—", after: null }]);
  });
  it("renders nested values as JSON", () => {
    expect(auditDiff({ links: [] }, { links: [{ label: "Forum" }] })).toEqual([{ field: "links", before: "[]", after: '[{"label":"Forum"}]' }]);
  });
  it("is empty when nothing was recorded", () => {
    expect(auditDiff(null, null)).toEqual([]);
  });
});
