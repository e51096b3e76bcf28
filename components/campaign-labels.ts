// Words for the campaign domain's enums, as the UI shows them.
import type { CampaignType, Channel } from "@/db/schema/campaigns";

export { campaignStatusLabels } from "@/server/services/campaigns/campaign-status";
export { campaignStatuses, campaignTypes, channels } from "@/db/schema/campaigns";

export const campaignTypeLabels: Record<CampaignType, string> = {
  product_launch: "Product launch",
  webinar: "Webinar",
  newsletter: "Newsletter",
  content_series: "Content series",
  outreach: "Outreach",
  event: "Event",
  paid_ads: "Paid ads",
};

export const channelLabels: Record<Channel, string> = {
  email: "Email",
  linkedin: "LinkedIn",
  x: "X",
  instagram: "Instagram",
  facebook: "Facebook",
  pinterest: "Pinterest",
  blog: "Blog",
  ad: "Ad",
};
