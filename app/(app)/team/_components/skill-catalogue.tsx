"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDelete } from "@/components/ui/confirm-delete";
import { TextField } from "@/components/ui/field";
import { confirmAction } from "@/components/ui/toaster";

/**
 * The skills tasks may require and members may have. Everyone reads the list;
 * managers add and remove skills (removing one takes it off every member too).
 */
export function SkillCatalogue({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.team.profiles.queryOptions());
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const add = useMutation(trpc.team.addSkill.mutationOptions());
  const remove = useMutation(trpc.team.removeSkill.mutationOptions());

  // The pickers on the board and the member dialogs read the catalogue too.
  const refresh = () => Promise.all([queryClient.invalidateQueries(trpc.team.pathFilter()), queryClient.invalidateQueries(trpc.task.options.queryFilter())]);

  const onAdd = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const skill = name.trim();
      await add.mutateAsync({ skill });
      confirmAction(`Added the skill “${skill}”.`);
      setName("");
      await refresh();
    } catch (failure) {
      setError(fieldErrors(failure)?.skill?.[0] ?? errorMessage(failure));
    }
  };

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id={headingId} className="font-semibold">
        Skills
      </h2>
      <p className="mt-1 text-sm text-slate-600">What tasks can ask for and people can have. Assigning automatically picks among members with every skill a task needs.</p>
      {data.skills.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">No skills yet.</p>
      ) : (
        <ul className="mt-3 flex flex-wrap gap-2" aria-label="Skills of this workspace">
          {data.skills.map((skill) => (
            <li key={skill} className="flex flex-wrap items-center gap-1 text-sm text-slate-800">
              <span className="rounded-full border border-slate-200 bg-slate-50 px-3 py-0.5">{skill}</span>
              {canEdit && (
                <ConfirmDelete
                  buttonLabel="Remove"
                  buttonName={`Remove the skill ${skill}`}
                  question={`Remove the skill “${skill}”?`}
                  onDelete={async () => {
                    const result = await remove.mutateAsync({ skill });
                    confirmAction(`Removed the skill “${skill}”${result.membersChanged ? ` from the list and from ${result.membersChanged} ${result.membersChanged === 1 ? "member" : "members"}` : ""}.`);
                    await refresh();
                  }}
                >
                  Members lose it too. Tasks that require it keep the requirement, and no one can be picked for them automatically.
                </ConfirmDelete>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={(event) => void onAdd(event)} className="mt-4 flex flex-wrap items-end gap-2">
          <TextField
            label="New skill"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
            errors={error ? [error] : undefined}
            placeholder="e.g. video editing"
            maxLength={60}
            className="w-64 max-w-full"
          />
          <Button type="submit" disabled={add.isPending || name.trim() === ""}>
            Add skill
          </Button>
        </form>
      )}
    </section>
  );
}
