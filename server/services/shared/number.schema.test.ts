import { expect, test } from "vitest";
import { currencyCode, id, INT4_MAX, INT4_MIN, int, money, serialId } from "./number.schema";
import { instantCursor } from "./cursor.schema";

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

test("int stays inside int4 even without bounds, and says what is wrong", () => {
  const any = int({ message: "Enter a whole number" });
  expect(any.parse(INT4_MAX)).toBe(INT4_MAX);
  expect(any.parse(INT4_MIN)).toBe(INT4_MIN);
  expect(messages(any.safeParse(2 ** 31))).toEqual(["Use a number of at most 2,147,483,647"]);
  expect(any.safeParse(INT4_MIN - 1).success).toBe(false);
  for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, "3"]) expect(messages(any.safeParse(bad))).toEqual(["Enter a whole number"]);

  const limit = int({ message: "Enter the limit as a whole number", min: 1, minMessage: "At least 1", max: 50, maxMessage: "At most 50" });
  expect(messages(limit.safeParse(0))).toEqual(["At least 1"]);
  expect(messages(limit.safeParse(2 ** 31))).toEqual(["At most 50"]);
});

test("serialId takes positive whole numbers JavaScript counts exactly, past int4 too", () => {
  const entry = serialId("No such entry");
  expect(entry.parse(2 ** 31)).toBe(2 ** 31);
  for (const bad of [0, -1, 1.5, 2 ** 53]) expect(messages(entry.safeParse(bad))).toEqual(["No such entry"]);
});

test("id takes uuids only", () => {
  const campaign = id("Choose a campaign");
  expect(campaign.parse("0b7e3a4c-1d2f-4e5a-9b8c-7d6e5f4a3b2c")).toBe("0b7e3a4c-1d2f-4e5a-9b8c-7d6e5f4a3b2c");
  expect(messages(campaign.safeParse("0b7e3a4c-1d2f-4e5a-9b8c-7d6e5f4a3b2c\u0000"))).toEqual(["Choose a campaign"]);
});

test("money keeps two decimals as a string, and says a negative amount is negative", () => {
  const budget = money("budget", 1_000_000);
  expect(budget.parse("12,500.5")).toBe("12500.5");
  expect(budget.parse(99.5)).toBe("99.5");
  expect(messages(budget.safeParse("-5"))).toEqual(["The budget can't be negative"]);
  expect(messages(budget.safeParse("1.234"))).toEqual(["Enter the budget as a number with at most two decimals, like 12500 or 99.50"]);
  expect(messages(budget.safeParse("12\u00000"))).toEqual(["Enter the budget as a number with at most two decimals, like 12500 or 99.50"]);
  expect(messages(budget.safeParse("2000000"))).toEqual(["The budget can be at most 1,000,000"]);
});

test("currencyCode upper-cases known codes", () => {
  expect(currencyCode().parse(" eur ")).toBe("EUR");
  expect(currencyCode().safeParse("XYZ\u0000").success).toBe(false);
});

test("instantCursor decodes a cursor and refuses an impossible one", () => {
  const cursor = instantCursor("No such page");
  const runId = "0b7e3a4c-1d2f-4e5a-9b8c-7d6e5f4a3b2c";
  expect(cursor.parse(`2026-03-09T09:00:00.123456Z_${runId}`)).toEqual({ at: "2026-03-09T09:00:00.123456Z", id: runId });
  for (const bad of [`2026-13-09T09:00:00.123456Z_${runId}`, `9999-12-31T09:00:00.123456Z_${runId}`, `2026-03-09T09:00:00.123456Z_${runId}\u0000`, "yesterday", `${"9".repeat(200)}_${runId}`]) {
    expect(messages(cursor.safeParse(bad)), bad).toEqual(["No such page"]);
  }
});
