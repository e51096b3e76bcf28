// The demo workspace's plans: campaigns of several types and statuses around
// today, each with the milestones of its template, content scheduled across this
// month and the next, and a blackout over the holidays. Made through the same
// services people use, so the activity log reads as if the team had done it.
import { eq } from "drizzle-orm";
import type { Database } from "./client";
import { blackoutDates, type CampaignStatus, type CampaignType, type Channel, workspaces } from "./schema";
import { dayFromToday } from "./factories";
import type { MemberRole } from "./schema/workspaces";
import { changeCampaignStatus } from "@/server/services/campaigns/change-campaign-status";
import { createCampaign } from "@/server/services/campaigns/create-campaign";
import { createContentItem } from "@/server/services/content/create-content-item";
import { appUrl } from "@/server/env";

const TIME_ZONE = "America/New_York";

/** The way a new campaign walks to each status. */
const pathTo: Record<"draft" | "planned" | "in_review" | "approved" | "active", CampaignStatus[]> = {
  draft: [],
  planned: ["planned"],
  in_review: ["planned", "in_review"],
  approved: ["planned", "in_review", "approved"],
  active: ["planned", "in_review", "approved", "active"],
};

interface DemoContent {
  channel: Channel;
  title: string;
  body: string;
  /** Days from today, and the local time in the workspace's zone. */
  day: number;
  time: string;
  media?: { url: string; alt: string }[];
}

interface DemoCampaign {
  name: string;
  type: CampaignType;
  status: keyof typeof pathTo;
  owner: string;
  goal: string;
  kpiName: string;
  kpiTarget: string;
  audience: string;
  channels: Channel[];
  budgetAmount: string;
  /** Days from today. */
  start: number;
  launch: number;
  end: number;
  content: DemoContent[];
}

// Demo artwork ships with the app (public/demo/), so the previews show a real picture offline too;
// the address is whole (media are web addresses), at the app's own, as links in its emails are.
const image = (name: string, alt: string) => ({ url: `${appUrl()}/demo/${name}.svg`, alt });

const demoCampaigns: DemoCampaign[] = [
  {
    name: "Acme Cloud 3.0 launch",
    type: "product_launch",
    status: "active",
    owner: "marketer@demo.test",
    goal: "Turn the 3.0 release into trials from existing accounts",
    kpiName: "Trial sign-ups",
    kpiTarget: "2000",
    audience: "Existing customers",
    channels: ["email", "linkedin", "x", "blog"],
    budgetAmount: "45000",
    start: -20,
    launch: 5,
    end: 35,
    content: [
      { channel: "blog", title: "Introducing Acme Cloud 3.0", body: "Today we are shipping the biggest release in Acme's history: faster sync, shared workspaces and an API for everything.", day: 5, time: "09:00" },
      { channel: "email", title: "Acme Cloud 3.0 is here", body: "Hi {{first_name}}, the new Acme Cloud is live in your account. Here is what changed and how to try it today.", day: 5, time: "10:00" },
      { channel: "linkedin", title: "Launch post", body: "Acme Cloud 3.0 is live. Three years of customer feedback in one release. #productlaunch #saas", day: 5, time: "11:00" },
      { channel: "x", title: "Launch thread", body: "Acme Cloud 3.0 is out today: faster sync, shared workspaces, a public API. https://acme.com/cloud-3", day: 6, time: "15:00" },
      { channel: "email", title: "3.0: five things to try first", body: "A week in, here are the five features customers use most, with a two-minute video for each.", day: 12, time: "10:00" },
    ],
  },
  {
    name: "Customer stories series",
    type: "content_series",
    status: "active",
    owner: "priya@demo.test",
    goal: "Publish one customer story a week",
    kpiName: "Qualified leads",
    kpiTarget: "120",
    audience: "Mid-market operations teams",
    channels: ["blog", "linkedin", "instagram"],
    budgetAmount: "8000",
    start: -30,
    launch: -10,
    end: 45,
    content: [
      { channel: "blog", title: "How Northwind cut onboarding to two days", body: "Northwind's operations team replaced four tools with Acme and onboarded 40 people in two days.", day: 2, time: "09:30" },
      { channel: "instagram", title: "Northwind in pictures", body: "Behind the scenes with the Northwind team. #customerstory", day: 3, time: "12:00", media: [image("northwind-team", "The Northwind operations team around a whiteboard")] },
      { channel: "blog", title: "Contoso's year with Acme", body: "A year after switching, Contoso reports 30% fewer hand-offs between teams.", day: 9, time: "09:30" },
      { channel: "linkedin", title: "Contoso story teaser", body: "What changes when a 200-person team stops copying data between tools? Contoso's story.", day: 10, time: "08:30" },
      { channel: "blog", title: "Fabrikam scales support", body: "Fabrikam grew from 5 to 25 support agents without adding a single spreadsheet.", day: 23, time: "09:30" },
    ],
  },
  {
    name: "December newsletter",
    type: "newsletter",
    status: "planned",
    owner: "tom@demo.test",
    goal: "Keep subscribers engaged over the holidays",
    kpiName: "Click rate (%)",
    kpiTarget: "4.5",
    audience: "Newsletter subscribers",
    channels: ["email"],
    budgetAmount: "500",
    start: 5,
    launch: 15,
    end: 16,
    content: [{ channel: "email", title: "The year at Acme, in six charts", body: "Our favourite numbers from this year, and what is coming in January.", day: 15, time: "08:00" }],
  },
  {
    name: "Q1 planning webinar",
    type: "webinar",
    status: "approved",
    owner: "marketer@demo.test",
    goal: "Fill the Q1 pipeline with marketing leaders",
    kpiName: "Registrations",
    kpiTarget: "800",
    audience: "Marketing leaders",
    channels: ["email", "linkedin"],
    budgetAmount: "6000",
    start: 8,
    launch: 30,
    end: 40,
    content: [
      { channel: "email", title: "You're invited: plan Q1 in 45 minutes", body: "Join our head of marketing for a practical hour on Q1 planning, with templates to take away.", day: 10, time: "10:00" },
      { channel: "linkedin", title: "Webinar announcement", body: "Planning Q1? Join us live for templates, examples and an open Q&A. #marketing", day: 11, time: "09:00" },
      { channel: "email", title: "Reminder: Q1 planning webinar tomorrow", body: "A quick reminder that we go live tomorrow at 11:00 Eastern. Your link is below.", day: 29, time: "10:00" },
    ],
  },
  {
    name: "Holiday paid social push",
    type: "paid_ads",
    status: "in_review",
    owner: "chris@demo.test",
    goal: "Bring in trials over the holiday season",
    kpiName: "Cost per trial (USD)",
    kpiTarget: "35",
    audience: "Small business owners",
    channels: ["ad", "facebook", "instagram"],
    budgetAmount: "18000",
    start: 10,
    launch: 14,
    end: 38,
    content: [
      { channel: "ad", title: "Holiday trial ad", body: "Start the new year organised: try Acme free for 30 days.", day: 14, time: "07:00" },
      { channel: "facebook", title: "Holiday offer post", body: "This season, give your team one place for everything. Try Acme free for 30 days.", day: 16, time: "12:00" },
    ],
  },
  {
    name: "Enterprise outreach wave",
    type: "outreach",
    status: "draft",
    owner: "priya@demo.test",
    goal: "Open conversations with 50 enterprise accounts",
    kpiName: "Meetings booked",
    kpiTarget: "25",
    audience: "Enterprise IT directors",
    channels: ["email", "linkedin"],
    budgetAmount: "3000",
    start: 25,
    launch: 32,
    end: 60,
    content: [],
  },
  {
    name: "Spring summit booth",
    type: "event",
    status: "draft",
    owner: "tom@demo.test",
    goal: "Meet prospects at the spring industry summit",
    kpiName: "Booth conversations",
    kpiTarget: "300",
    audience: "Operations leaders",
    channels: ["email", "linkedin", "x"],
    budgetAmount: "25000",
    start: 40,
    launch: 70,
    end: 75,
    content: [],
  },
];

export async function seedDemoCampaigns(db: Database, input: { workspaceId: string; people: Map<string, { id: string; role: MemberRole }> }) {
  const person = (email: string) => {
    const found = input.people.get(email);
    if (!found) throw new Error(`The demo has no ${email}`);
    return found;
  };
  const manager = person("manager@demo.test");
  await db.update(workspaces).set({ holidayCountry: "US", timeZone: TIME_ZONE }).where(eq(workspaces.id, input.workspaceId));
  await db.insert(blackoutDates).values({
    workspaceId: input.workspaceId,
    startDate: `${new Date().getUTCFullYear()}-12-24`,
    endDate: `${new Date().getUTCFullYear()}-12-26`,
    reason: "Office closed for the holidays",
  });

  for (const demo of demoCampaigns) {
    const owner = person(demo.owner);
    const campaign = await createCampaign(db, {
      workspaceId: input.workspaceId,
      actorId: owner.id,
      name: demo.name,
      type: demo.type,
      goal: demo.goal,
      kpiName: demo.kpiName,
      kpiTarget: demo.kpiTarget,
      audience: demo.audience,
      channels: demo.channels,
      budgetAmount: demo.budgetAmount,
      currency: "USD",
      ownerId: owner.id,
      startDate: dayFromToday(demo.start),
      launchDate: dayFromToday(demo.launch),
      endDate: dayFromToday(demo.end),
      withTimeline: true,
    });
    for (const content of demo.content) {
      await createContentItem(db, {
        workspaceId: input.workspaceId,
        actorId: owner.id,
        campaignId: campaign.id,
        channel: content.channel,
        title: content.title,
        body: content.body,
        media: content.media ?? [],
        scheduledAt: { localDateTime: `${dayFromToday(content.day)}T${content.time}`, timeZone: TIME_ZONE },
      });
    }
    for (const status of pathTo[demo.status]) {
      // Approving is a manager's step; the owner takes the others.
      const actor = status === "approved" ? manager : owner;
      await changeCampaignStatus(db, { workspaceId: input.workspaceId, actorId: actor.id, campaignId: campaign.id, status });
    }
  }
}
