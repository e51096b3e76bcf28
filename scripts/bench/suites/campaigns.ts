// The campaign list as a marketer filters it: running and planned campaigns on
// one channel whose name or audience matches a word, third page of 25, newest first.
import { listCampaigns } from "@/server/services/campaigns/list-campaigns";
import type { ListCampaignsInput } from "@/server/services/campaigns/campaign.schema";
import { benchProcedure } from "../procedure-vs-floor";
import type { Suite } from "../suite";

const input = {
  statuses: ["active", "planned"],
  channel: "email",
  search: "launch",
  page: 3,
  pageSize: 25,
  sort: "updated",
} satisfies ListCampaignsInput;

export const campaignsSuite: Suite = {
  name: "campaigns",
  needs: { database: true, app: true },
  run: (context) =>
    benchProcedure(context, {
      suite: "campaigns",
      procedure: "campaign.list",
      input,
      callService: (db) => listCampaigns(db, { ...input, workspaceId: context.seeded.workspaceId }),
      describeResult: (result) => `${result.campaigns.length} of ${result.total} matching campaigns on page ${result.page}`,
    }),
};
