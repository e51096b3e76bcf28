import { z } from "zod";
import { campaignStatuses, campaignTypes, channels } from "@/db/schema/enum-values";
import { plainDate } from "@/server/services/shared/date.schema";
import { currencyCode, id, int, money, serialId } from "@/server/services/shared/number.schema";
import { searchText, text } from "@/server/services/shared/text.schema";

// Campaign fields, shared by the server and the campaign form.

/** A calendar day, "2026-03-09", in the supported years. */
export const dayField = plainDate;

export const campaignTypeField = z.enum(campaignTypes, { error: `Choose a campaign type: ${campaignTypes.join(", ")}` });
export const campaignStatusField = z.enum(campaignStatuses, { error: `Choose a status: ${campaignStatuses.join(", ")}` });
export const channelField = z.enum(channels, { error: `Choose a channel: ${channels.join(", ")}` });

/** A form's empty field means "not set". */
const optionalMoney = (what: string, max: number) => z.union([z.literal("").transform(() => null), money(what, max)]).nullish();

export const currencyField = currencyCode();

export const campaignFields = {
  name: text({ required: "Give the campaign a name", max: 120 }),
  type: campaignTypeField,
  goal: text({ max: 1000, multiline: true }),
  kpiName: text({ max: 80 }),
  kpiTarget: optionalMoney("KPI target", 999_999_999_999),
  audience: text({ max: 200 }),
  channels: z
    .array(channelField)
    .max(channels.length)
    .transform((list) => [...new Set(list)]),
  budgetAmount: optionalMoney("budget", 999_999_999_999),
  currency: currencyField,
  ownerId: id("Choose an owner"),
  startDate: dayField("start date"),
  launchDate: dayField("launch date"),
  endDate: dayField("end date"),
};

export interface CampaignDates {
  startDate: string;
  launchDate: string;
  endDate: string;
}

/** What is wrong with a campaign's dates, by field; empty when they are in order. ISO days compare as strings. */
export function campaignDateErrors({ startDate, launchDate, endDate }: CampaignDates): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (endDate < startDate) errors.endDate = ["The end date can't be before the start date"];
  else if (launchDate < startDate || launchDate > endDate) errors.launchDate = ["The launch date must fall between the start and end dates"];
  return errors;
}

function checkDates(dates: CampaignDates, ctx: z.RefinementCtx) {
  for (const [field, messages] of Object.entries(campaignDateErrors(dates))) {
    for (const message of messages) ctx.addIssue({ code: "custom", path: [field], message });
  }
}

export const campaignIdInput = z.object({ campaignId: id("Choose a campaign") });

/** A campaign's activity, a page at a time: `cursor` is the previous page's `nextCursor` (an audit entry's number). */
export const campaignActivityInput = campaignIdInput.extend({ cursor: serialId("That page of activity does not exist").nullish() });

/** Extra business days kept free before each generated milestone. */
export const bufferDaysField = int({
  message: "Enter the buffer as a whole number of days",
  min: 0,
  minMessage: "The buffer can't be negative",
  max: 30,
  maxMessage: "Use a buffer of at most 30 business days",
});

export const createCampaignInput = z
  .object({
    ...campaignFields,
    goal: campaignFields.goal.default(""),
    kpiName: campaignFields.kpiName.default(""),
    audience: campaignFields.audience.default(""),
    channels: campaignFields.channels.default([]),
    currency: campaignFields.currency.default("USD"),
    /** Without it, the workspace's default buffer. */
    bufferDays: bufferDaysField.optional(),
    /** Places the type's template milestones back from the launch date. */
    withTimeline: z.boolean().default(true),
  })
  .superRefine(checkDates);

/** Only the fields sent change (no defaults here); the dates are checked again against the stored ones by the service. */
export const updateCampaignInput = campaignIdInput.extend(z.object(campaignFields).partial().shape);

export const changeCampaignStatusInput = campaignIdInput.extend({ status: campaignStatusField });

export const campaignSortFields = ["updated", "start", "name"] as const;

export const listCampaignsInput = z
  .object({
    search: searchText(120).optional(),
    statuses: z.array(campaignStatusField).max(campaignStatuses.length).optional(),
    types: z.array(campaignTypeField).max(campaignTypes.length).optional(),
    ownerId: id("Choose an owner").optional(),
    channel: channelField.optional(),
    /** Campaigns running at some point between these days. */
    from: dayField("first day").optional(),
    to: dayField("last day").optional(),
    sort: z.enum(campaignSortFields).default("updated"),
    page: int({ message: "Choose a page", min: 1, minMessage: "Choose a page", max: 100_000, maxMessage: "That page does not exist" }).default(1),
    pageSize: int({ message: "Choose how many to show", min: 1, minMessage: "Show at least one campaign", max: 100, maxMessage: "Show at most 100 campaigns a page" }).default(25),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, { path: ["to"], message: "The last day can't be before the first day" });

export type CreateCampaignInput = z.infer<typeof createCampaignInput>;
export type UpdateCampaignInput = z.infer<typeof updateCampaignInput>;
export type ListCampaignsInput = z.input<typeof listCampaignsInput>;
