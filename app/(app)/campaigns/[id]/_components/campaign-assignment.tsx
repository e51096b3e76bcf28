import { AssignAutomaticallyButton } from "@/components/tasks/assign-automatically-button";

/** Hands the campaign's unassigned open tasks to the people with the skills and the room for them. */
export function CampaignAssignment({ campaignId }: { campaignId: string }) {
  return (
    <section aria-labelledby="assignment-heading" className="space-y-2">
      <h2 id="assignment-heading" className="text-lg font-semibold">
        Who does the work
      </h2>
      <p className="text-sm text-slate-600">
        Gives each unassigned open task to someone with every skill it needs, who is not away around its due date and has the most free hours that week.
      </p>
      <AssignAutomaticallyButton campaignId={campaignId} />
    </section>
  );
}
