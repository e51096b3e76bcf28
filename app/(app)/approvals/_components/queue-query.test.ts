// The queue's address: what a shared or reloaded link opens, and what it drops.
import { describe, expect, test } from "vitest";
import { openRequestId, queueInput, queueView, viewsFor } from "./queue-query";

const params = (query: string) => new URLSearchParams(query);
const id = "3f2b8c1e-4a5d-4e6f-9a7b-1c2d3e4f5a6b";

describe("the approvals queue's address", () => {
  test("holds the view, the filters, the sort and the open request", () => {
    expect(queueInput(params(`view=mine&campaign=${id}&channel=linkedin&requester=${id}&stage=2&overdue=1&sort=age`), false)).toEqual({
      view: "mine",
      campaignId: id,
      channel: "linkedin",
      requesterId: id,
      stage: 2,
      overdue: true,
      sort: "age",
      limit: 50,
    });
    expect(openRequestId(params(`request=${id}`))).toBe(id);
  });

  test("drops what it can't use rather than failing: unknown values, and all pending for a marketer", () => {
    expect(queueInput(params("view=everything&campaign=nope&channel=fax&stage=0&overdue=yes&sort=name"), true)).toEqual({
      view: "waiting",
      campaignId: undefined,
      channel: undefined,
      requesterId: undefined,
      stage: undefined,
      overdue: undefined,
      sort: "due",
      limit: 50,
    });
    expect(queueView(params("view=pending"), false)).toBe("waiting");
    expect(queueView(params("view=pending"), true)).toBe("pending");
    expect(viewsFor(false)).toEqual(["waiting", "mine", "decided"]);
    expect(openRequestId(params("request=1"))).toBeUndefined();
  });
});
