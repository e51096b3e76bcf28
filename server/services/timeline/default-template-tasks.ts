import type { CampaignType, TemplateTask } from "@/db/schema/campaigns";
import { type Channel, channels } from "@/db/schema/enum-values";

// The built-in work plan for each campaign type, used until a workspace saves its
// own: what has to be done before (and after) each milestone of the built-in
// timeline (default-templates.ts), by whom (skills from the default catalogue),
// and in what order. Each type also carries a short checklist per channel, which
// only campaigns on that channel get.

const t = (
  key: string,
  title: string,
  estimateHours: number,
  skills: string[],
  dependsOn: string[],
  milestone: string,
  businessDaysBefore = 0,
): TemplateTask => ({ key, title, estimateHours, skills, dependsOn, milestone, businessDaysBefore });

/** Copy, visual, scheduling: the three steps of getting something out on a channel. */
const checklistSteps: Record<Channel, [copy: [string, string[]], visual: [string, string[]], schedule: [string, string[]]]> = {
  email: [["Write the email copy", ["copywriting", "email"]], ["Build and test the email", ["email"]], ["Schedule the email", ["email"]]],
  linkedin: [["Write LinkedIn copy", ["copywriting", "social"]], ["Image with alt text", ["design"]], ["Schedule LinkedIn post", ["social"]]],
  x: [["Write the X post", ["copywriting", "social"]], ["Image with alt text for X", ["design"]], ["Schedule the X post", ["social"]]],
  instagram: [["Write the Instagram caption", ["copywriting", "social"]], ["Instagram visual with alt text", ["design"]], ["Schedule the Instagram post", ["social"]]],
  facebook: [["Write the Facebook post", ["copywriting", "social"]], ["Facebook image with alt text", ["design"]], ["Schedule the Facebook post", ["social"]]],
  pinterest: [["Write the Pin description", ["copywriting", "seo"]], ["Design the Pin with alt text", ["design"]], ["Schedule the Pin", ["social"]]],
  blog: [["Write the blog post", ["copywriting", "seo"]], ["Blog images with alt text", ["design"]], ["Publish the blog post", ["seo"]]],
  ad: [["Write the ad copy", ["copywriting"]], ["Ad creative with alt text", ["design"]], ["Set up the ad in the ad platform", ["analytics"]]],
};

/**
 * A channel's checklist, due before `milestone`: the copy starts once `after`
 * (a task of the type's plan) is done, the visual follows the copy, the
 * scheduling follows both.
 */
function checklist(channel: Channel, milestone: string, after: string): TemplateTask[] {
  const [copy, visual, schedule] = checklistSteps[channel];
  return [
    { ...t(`${channel}-copy`, copy[0], channel === "blog" ? 6 : 2, copy[1], [after], milestone, 4), channel },
    { ...t(`${channel}-visual`, visual[0], 3, visual[1], [`${channel}-copy`], milestone, 2), channel },
    { ...t(`${channel}-schedule`, schedule[0], 1, schedule[1], [`${channel}-visual`], milestone, 1), channel },
  ];
}

interface TypePlan {
  tasks: TemplateTask[];
  /** Where each channel's checklist is due, and which task of the plan it starts after. */
  checklist: { milestone: string; after: string };
  /** Channels the plan itself already covers (a newsletter is its email). */
  skipChannels?: Channel[];
}

const plans: Record<CampaignType, TypePlan> = {
  product_launch: {
    tasks: [
      t("brief", "Write the launch brief", 4, ["copywriting"], [], "Brief"),
      t("research", "Research the audience and competitors", 6, ["analytics"], [], "Brief"),
      t("messaging", "Draft messaging and positioning", 8, ["copywriting"], ["brief", "research"], "Messaging & positioning"),
      t("landing-page", "Write the landing page", 6, ["copywriting", "seo"], ["messaging"], "Creative ready", 2),
      t("visuals", "Design the launch visuals", 12, ["design"], ["messaging"], "Creative ready"),
      t("demo-video", "Produce the demo video", 16, ["video"], ["messaging"], "Creative ready"),
      t("tracking", "Set up launch tracking", 3, ["analytics"], ["landing-page"], "Review & approval", 1),
      t("review", "Review the launch assets", 3, ["copywriting"], ["landing-page", "visuals", "demo-video"], "Review & approval"),
      t("go-live", "Publish and announce the launch", 2, ["social"], ["review", "tracking"], "Launch"),
      t("wrap-up", "Write the wrap-up report", 4, ["analytics"], ["go-live"], "Wrap-up report"),
    ],
    checklist: { milestone: "Launch", after: "messaging" },
  },
  webinar: {
    tasks: [
      t("topic", "Pick the topic and confirm speakers", 4, ["events"], [], "Topic & speakers confirmed"),
      t("abstract", "Write the session abstract", 3, ["copywriting"], ["topic"], "Landing page live", 3),
      t("landing-page", "Build the registration page", 6, ["copywriting", "seo"], ["abstract"], "Landing page live"),
      t("invitations", "Send the invitations", 3, ["email"], ["landing-page"], "Invitations sent"),
      t("slides", "Design the slides", 10, ["design"], ["topic"], "Dry run", 1),
      t("reminders", "Schedule the reminder emails", 2, ["email"], ["invitations"], "Reminder emails"),
      t("dry-run", "Run the dry run", 2, ["events"], ["slides"], "Dry run"),
      t("host", "Host the webinar", 2, ["events"], ["dry-run", "reminders"], "Webinar day"),
      t("follow-up", "Send the recording and follow-up", 3, ["email"], ["host"], "Follow-up sent"),
    ],
    checklist: { milestone: "Invitations sent", after: "landing-page" },
  },
  newsletter: {
    tasks: [
      t("topics", "Choose the topics", 2, ["copywriting"], [], "Topics chosen"),
      t("draft", "Write the newsletter", 6, ["copywriting", "email"], ["topics"], "Draft written"),
      t("images", "Prepare images with alt text", 3, ["design"], ["topics"], "Draft written"),
      t("review", "Review the newsletter", 1, ["copywriting"], ["draft", "images"], "Review & approval"),
      t("test-send", "Send a test and check the links", 1, ["email"], ["review"], "Test send"),
      t("schedule", "Schedule the send", 0.5, ["email"], ["test-send"], "Send day"),
      t("results", "Review opens and clicks", 2, ["analytics"], ["schedule"], "Results reviewed"),
    ],
    checklist: { milestone: "Send day", after: "draft" },
    skipChannels: ["email"],
  },
  content_series: {
    tasks: [
      t("editorial-plan", "Write the editorial plan", 6, ["copywriting", "seo"], [], "Editorial plan"),
      t("keywords", "Research keywords", 4, ["seo"], [], "Editorial plan", 2),
      t("drafts", "Draft the first pieces", 16, ["copywriting"], ["editorial-plan", "keywords"], "First pieces drafted"),
      t("assets", "Design images and graphics", 10, ["design"], ["drafts"], "Design & assets"),
      t("review", "Review the first pieces", 3, ["copywriting"], ["drafts", "assets"], "Review & approval"),
      t("publish", "Publish the first piece", 1, ["seo"], ["review"], "First piece published"),
      t("performance", "Review the series' performance", 4, ["analytics"], ["publish"], "Series performance review"),
    ],
    checklist: { milestone: "First piece published", after: "drafts" },
    skipChannels: ["blog"],
  },
  outreach: {
    tasks: [
      t("target-list", "Build the target list", 8, ["analytics"], [], "Target list built"),
      t("sequence", "Write the sequence", 8, ["copywriting", "email"], ["target-list"], "Sequence written"),
      t("mailboxes", "Warm up the mailboxes", 2, ["email"], [], "Mailboxes warmed up"),
      t("review", "Review the sequence", 2, ["copywriting"], ["sequence"], "Review & approval"),
      t("first-send", "Start the first send", 1, ["email"], ["review", "mailboxes"], "First send"),
      t("replies", "Triage the replies", 6, ["email"], ["first-send"], "Replies triaged"),
    ],
    checklist: { milestone: "First send", after: "sequence" },
    skipChannels: ["email"],
  },
  event: {
    tasks: [
      t("venue", "Book the venue", 6, ["events"], [], "Venue & date confirmed"),
      t("agenda", "Confirm speakers and agenda", 8, ["events"], ["venue"], "Speakers & agenda"),
      t("registration", "Open registration", 4, ["copywriting", "seo"], ["agenda"], "Registration open"),
      t("promotion", "Run the promotion push", 6, ["social", "email"], ["registration"], "Promotion push"),
      t("materials", "Design the booth and print materials", 12, ["design"], ["venue"], "Logistics final", 5),
      t("logistics", "Finalise travel, shipping and staffing", 6, ["events"], ["materials", "registration"], "Logistics final"),
      t("run", "Run the event", 8, ["events"], ["logistics", "promotion"], "Event day"),
      t("thank-you", "Send thank-yous and recordings", 3, ["email", "video"], ["run"], "Thank-you & recordings sent"),
    ],
    checklist: { milestone: "Promotion push", after: "registration" },
  },
  paid_ads: {
    tasks: [
      t("audiences", "Define the audiences and budget", 4, ["analytics"], [], "Audience & budget set"),
      t("ad-copy", "Write the ad copy variants", 4, ["copywriting"], ["audiences"], "Ad creative ready", 2),
      t("creative", "Design the ad creative", 10, ["design"], ["ad-copy"], "Ad creative ready"),
      t("tracking", "Verify conversion tracking", 3, ["analytics"], ["audiences"], "Tracking verified"),
      t("review", "Review the ads", 2, ["copywriting"], ["creative"], "Review & approval"),
      t("go-live", "Launch the ads", 2, ["analytics"], ["review", "tracking"], "Ads go live"),
      t("optimise", "First optimisation pass", 3, ["analytics"], ["go-live"], "First optimisation"),
      t("report", "Write the performance report", 4, ["analytics"], ["optimise"], "Performance report"),
    ],
    checklist: { milestone: "Ads go live", after: "ad-copy" },
    skipChannels: ["ad"],
  },
};

function builtIn(plan: TypePlan): TemplateTask[] {
  const lists = channels.filter((channel) => !plan.skipChannels?.includes(channel)).flatMap((channel) => checklist(channel, plan.checklist.milestone, plan.checklist.after));
  return [...plan.tasks, ...lists];
}

export const defaultTemplateTasks = Object.fromEntries(Object.entries(plans).map(([type, plan]) => [type, builtIn(plan)])) as Record<CampaignType, TemplateTask[]>;
