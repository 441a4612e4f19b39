import { describe, expect, it } from "vitest";
import { formatDayKey, formatPosted, localDayKey, offsetMinutes, toOffsetIso } from "@/server/public/time";

describe("page time zone formatting", () => {
  const summer = "2022-07-22T08:50:00.000Z";
  const winter = "2022-01-10T15:05:09.123Z";

  it("writes Statuspage's 'Posted' format with the zone named", () => {
    expect(formatPosted(summer, "America/New_York")).toBe("Jul 22, 2022 - 04:50 EDT");
    expect(formatPosted(winter, "America/New_York")).toBe("Jan 10, 2022 - 10:05 EST");
    expect(formatPosted(summer, "UTC")).toBe("Jul 22, 2022 - 08:50 UTC");
  });

  it("knows the offset, including half-hour zones and daylight saving", () => {
    expect(offsetMinutes(new Date(summer), "America/New_York")).toBe(-240);
    expect(offsetMinutes(new Date(winter), "America/New_York")).toBe(-300);
    expect(offsetMinutes(new Date(summer), "Asia/Kolkata")).toBe(330);
  });

  it("writes ISO 8601 with the page's offset, denoting the same instant", () => {
    expect(toOffsetIso(summer, "America/New_York")).toBe("2022-07-22T04:50:00.000-04:00");
    expect(toOffsetIso(winter, "Asia/Kolkata")).toBe("2022-01-10T20:35:09.123+05:30");
    expect(toOffsetIso(summer, "UTC")).toBe("2022-07-22T08:50:00.000+00:00");
    expect(Date.parse(toOffsetIso(winter, "Asia/Kolkata"))).toBe(Date.parse(winter));
  });

  it("finds the local day", () => {
    expect(localDayKey("2022-07-22T02:00:00Z", "America/New_York")).toBe("2022-07-21");
    expect(formatDayKey("2026-11-03")).toBe("Nov 3, 2026");
  });
});
