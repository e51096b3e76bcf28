// Words for the campaign domain's enums, as the UI shows them. The server's
// messages use them too, so a status reads the same everywhere. Pages and forms
// import this module in the browser: it must stay free of the database layer and
// zod (the value lists come from enum-values for that reason).
import type { CampaignStatus, CampaignType, Channel } from "@/db/schema/enum-values";

export { campaignStatuses, campaignTypes, channels } from "@/db/schema/enum-values";

export const campaignStatusLabels: Record<CampaignStatus, string> = {
  draft: "Draft",
  planned: "Planned",
  in_review: "In review",
  approved: "Approved",
  active: "Active",
  paused: "Paused",
  completed: "Completed",
  cancelled: "Cancelled",
  archived: "Archived",
};

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
