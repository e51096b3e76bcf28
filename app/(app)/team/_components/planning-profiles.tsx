"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { DayRange } from "@/components/viewer/formatted";
import type { TeamProfiles } from "@/server/services/team/list-team-profiles";
import { ProfileDialog } from "./profile-dialog";
import { workingDaysLabel } from "./weekdays";

export type TeamMemberProfile = TeamProfiles["members"][number];

/** Each member's skills, capacity, working days, zone and coming time off; editable by managers (anyone's) and by each member (their own). */
export function PlanningProfiles({ currentUserId, isManager }: { currentUserId: string; isManager: boolean }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.team.profiles.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const people = data.members.filter((member) => member.role !== "viewer");
  const member = data.members.find((candidate) => candidate.userId === editing) ?? null;

  return (
    <section aria-labelledby="planning-heading" className="space-y-3">
      <div>
        <h2 id="planning-heading" className="text-lg font-semibold">
          Skills and availability
        </h2>
        <p className="text-sm text-slate-600">What auto-assignment and the workload chart count. Time off is shown from today on.</p>
      </div>
      {people.length === 0 ? (
        <EmptyState title="No one to plan for yet">Invite marketers or managers: viewers only read.</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {people.map((person) => (
            <li key={person.userId} className="rounded-xl border border-slate-200 bg-white p-4">
              <div className="flex items-start justify-between gap-2">
                <h3 className="font-medium text-slate-900">{person.name}</h3>
                {(isManager || person.userId === currentUserId) && (
                  <Button variant="secondary" className="shrink-0 px-2.5 py-1" onClick={() => setEditing(person.userId)} aria-label={`Edit ${person.name}'s skills and availability`}>
                    Edit
                  </Button>
                )}
              </div>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-500">Skills</dt>
                <dd>
                  {person.skills.length === 0 ? (
                    <span className="text-slate-500">None yet</span>
                  ) : (
                    <ul className="flex flex-wrap gap-1" aria-label={`${person.name}'s skills`}>
                      {person.skills.map((skill) => (
                        <li key={skill} className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">
                          {skill}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
                <dt className="text-slate-500">Capacity</dt>
                <dd>{person.weeklyCapacityHours} h a week</dd>
                <dt className="text-slate-500">Works</dt>
                <dd>{workingDaysLabel(person.workingDays)}</dd>
                <dt className="text-slate-500">Zone</dt>
                <dd>{person.timeZone ?? `${data.timeZone} (the workspace's)`}</dd>
                <dt className="text-slate-500">Time off</dt>
                <dd>
                  {person.timeOff.length === 0 ? (
                    <span className="text-slate-500">None planned</span>
                  ) : (
                    <ul>
                      {person.timeOff.map((away) => (
                        <li key={away.id}>
                          <DayRange start={away.startDate} end={away.endDate} />
                          {away.note && <span className="text-slate-500"> · {away.note}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <ProfileDialog member={member} catalogue={data.skills} onClose={() => setEditing(null)} />
    </section>
  );
}
