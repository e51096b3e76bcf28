import { z } from "zod";
import { campaignStatuses, campaignTypes, channels } from "@/db/schema/enum-values";

// Campaign fields, shared by the server and the campaign form.

/**
 * A calendar day, "2026-03-09". A date input sends "" until a whole day is picked, and shows the day in the
 * browser's own format, so an empty field is asked for without naming a format the person never sees.
 */
export const dayField = (what: string) =>
  z.iso.date({ error: (issue) => (issue.input === "" ? `Choose the ${what}` : `Enter the ${what} as a date, like 2026-03-09`) });

export const campaignTypeField = z.enum(campaignTypes, { error: `Choose a campaign type: ${campaignTypes.join(", ")}` });
export const campaignStatusField = z.enum(campaignStatuses, { error: `Choose a status: ${campaignStatuses.join(", ")}` });
export const channelField = z.enum(channels, { error: `Choose a channel: ${channels.join(", ")}` });

const decimal = (what: string, max: number) =>
  z
    .union([z.string(), z.number()])
    .transform((value) => String(value).trim().replaceAll(",", ""))
    .pipe(
      z
        .string()
        .refine((value) => !value.startsWith("-"), `The ${what} can't be negative`)
        // A negative number has its own message above, so it isn't also told about decimals.
        .refine((value) => value.startsWith("-") || /^\d+(\.\d{1,2})?$/.test(value), `Enter the ${what} as a number with at most two decimals, like 12500 or 99.50`)
        .refine((value) => Number(value) <= max, `The ${what} can be at most ${max.toLocaleString("en-US")}`),
    );

/** A form's empty field means "not set". */
const optionalDecimal = (what: string, max: number) => z.union([z.literal("").transform(() => null), decimal(what, max)]).nullish();

const currencies = new Set(Intl.supportedValuesOf("currency"));
export const currencyField = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => currencies.has(code), "Choose a currency by its three-letter code, like USD or EUR");

export const campaignFields = {
  name: z.string().trim().min(1, "Give the campaign a name").max(120, "Use at most 120 characters"),
  type: campaignTypeField,
  goal: z.string().trim().max(1000, "Use at most 1,000 characters"),
  kpiName: z.string().trim().max(80, "Use at most 80 characters"),
  kpiTarget: optionalDecimal("KPI target", 999_999_999_999),
  audience: z.string().trim().max(200, "Use at most 200 characters"),
  channels: z
    .array(channelField)
    .max(channels.length)
    .transform((list) => [...new Set(list)]),
  budgetAmount: optionalDecimal("budget", 999_999_999_999),
  currency: currencyField,
  ownerId: z.uuid("Choose an owner"),
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

export const campaignIdInput = z.object({ campaignId: z.uuid("Choose a campaign") });

/** Extra business days kept free before each generated milestone. */
export const bufferDaysField = z
  .number({ error: "Enter the buffer as a whole number of days" })
  .int("Enter the buffer as a whole number of days")
  .min(0, "The buffer can't be negative")
  .max(30, "Use a buffer of at most 30 business days");

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
    search: z.string().trim().max(120).optional(),
    statuses: z.array(campaignStatusField).max(campaignStatuses.length).optional(),
    types: z.array(campaignTypeField).max(campaignTypes.length).optional(),
    ownerId: z.uuid("Choose an owner").optional(),
    channel: channelField.optional(),
    /** Campaigns running at some point between these days. */
    from: dayField("first day").optional(),
    to: dayField("last day").optional(),
    sort: z.enum(campaignSortFields).default("updated"),
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(25),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, { path: ["to"], message: "The last day can't be before the first day" });

export type CreateCampaignInput = z.infer<typeof createCampaignInput>;
export type UpdateCampaignInput = z.infer<typeof updateCampaignInput>;
export type ListCampaignsInput = z.input<typeof listCampaignsInput>;
