import type { CampaignType, TemplateMilestone } from "@/db/schema/campaigns";

// The built-in timeline for each campaign type, used until a workspace saves its own.
// Offsets are business days before launch: 0 is the launch day, negative is after it.

const m = (name: string, businessDaysBeforeLaunch: number): TemplateMilestone => ({ name, businessDaysBeforeLaunch });

export const defaultTemplates: Record<CampaignType, TemplateMilestone[]> = {
  product_launch: [
    m("Brief", 30),
    m("Messaging & positioning", 20),
    m("Creative ready", 10),
    m("Review & approval", 5),
    m("Launch", 0),
    m("Wrap-up report", -10),
  ],
  webinar: [
    m("Topic & speakers confirmed", 25),
    m("Landing page live", 20),
    m("Invitations sent", 15),
    m("Reminder emails", 3),
    m("Dry run", 1),
    m("Webinar day", 0),
    m("Follow-up sent", -2),
  ],
  newsletter: [m("Topics chosen", 8), m("Draft written", 5), m("Review & approval", 3), m("Test send", 1), m("Send day", 0), m("Results reviewed", -3)],
  content_series: [
    m("Editorial plan", 20),
    m("First pieces drafted", 12),
    m("Design & assets", 8),
    m("Review & approval", 4),
    m("First piece published", 0),
    m("Series performance review", -20),
  ],
  outreach: [
    m("Target list built", 15),
    m("Sequence written", 10),
    m("Mailboxes warmed up", 5),
    m("Review & approval", 3),
    m("First send", 0),
    m("Replies triaged", -5),
  ],
  event: [
    m("Venue & date confirmed", 60),
    m("Speakers & agenda", 40),
    m("Registration open", 30),
    m("Promotion push", 15),
    m("Logistics final", 5),
    m("Event day", 0),
    m("Thank-you & recordings sent", -3),
  ],
  paid_ads: [
    m("Audience & budget set", 15),
    m("Ad creative ready", 8),
    m("Tracking verified", 4),
    m("Review & approval", 3),
    m("Ads go live", 0),
    m("First optimisation", -5),
    m("Performance report", -20),
  ],
};
