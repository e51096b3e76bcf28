// Pages read filters from the address and pass them to a procedure: what its
// schema would refuse (a NUL byte, year 9999) is dropped there, like any unknown
// value, so a crafted link shows the unfiltered page instead of an error.
import { expect, test } from "vitest";
import { readCalendarState } from "@/app/(app)/calendar/_components/calendar-query";
import { campaignsQueryInput, fromRecord } from "@/app/(app)/campaigns/_components/campaigns-query";
import { runsQueryInput } from "@/app/(app)/runs/_components/runs-query";
import { listCampaignsInput } from "@/server/services/campaigns/campaign.schema";
import { listRunsInput } from "@/server/services/workflows/workflow.schema";

test("the campaign list drops a search with a NUL byte and days outside the supported years", () => {
  const input = campaignsQueryInput(fromRecord({ q: "spring\u0000", from: "0000-01-01", to: "9999-12-31" }));
  expect(input).toMatchObject({ search: undefined, from: undefined, to: undefined });
  expect(listCampaignsInput.safeParse(input).success).toBe(true);
  expect(campaignsQueryInput(fromRecord({ q: "spring", from: "2026-01-01" }))).toMatchObject({ search: "spring", from: "2026-01-01" });
});

test("the calendar drops a day outside the supported years", () => {
  expect(readCalendarState({ date: "9999-12-01" }).date).toBeUndefined();
  expect(readCalendarState({ date: "2026-02-30" }).date).toBeUndefined();
  expect(readCalendarState({ date: "2026-03-09" }).date).toBe("2026-03-09");
});

test("the runs list drops a function name with a NUL byte", () => {
  const input = runsQueryInput({ functionId: "crescendo\u0000" });
  expect(input).toEqual({});
  expect(listRunsInput.safeParse(input).success).toBe(true);
});
