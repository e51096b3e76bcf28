"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { campaignTypeLabels } from "@/server/services/campaigns/campaign-labels";
import { errorMessage, fieldErrors } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { confirmAction } from "@/components/ui/toaster";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import type { CampaignType, TemplateMilestone, TemplateTask } from "@/db/schema/campaigns";
import { templateTaskProblems } from "@/server/services/timeline/template-task-problems";
import { updateTemplateInput } from "@/server/services/timeline/timeline.schema";
import { type TaskRow, TemplateTasks, toTaskRows } from "./template-tasks";

interface Row {
  key: number;
  name: string;
  days: string;
}

let nextKey = 0;
const toRows = (milestones: TemplateMilestone[]): Row[] => milestones.map((m) => ({ key: nextKey++, name: m.name, days: String(m.businessDaysBeforeLaunch) }));

/** Per campaign type, the milestones a new campaign starts with; managers and admins edit them. */
export function TemplateEditor({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const { data: templates } = useSuspenseQuery(trpc.template.list.queryOptions());
  const [type, setType] = useState<CampaignType>(templates[0]!.type);
  const template = templates.find((t) => t.type === type)!;

  return (
    <section aria-labelledby="templates-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      <div>
        <h2 id="templates-heading" className="font-semibold">
          Timeline templates
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          The milestones and tasks a new campaign gets, counted in business days before its launch (0 is launch day, a negative number is after it).
        </p>
      </div>
      <div className="max-w-xs">
        <SelectField label="Campaign type" value={type} onChange={(e) => setType(e.target.value as CampaignType)}>
          {templates.map((t) => (
            <option key={t.type} value={t.type}>
              {campaignTypeLabels[t.type]}
              {t.custom ? " (customised)" : ""}
            </option>
          ))}
        </SelectField>
      </div>
      {/* Keyed by type so switching type starts the editor from what is stored, while a save keeps its message. */}
      <TemplateForm key={type} type={type} custom={template.custom} milestones={template.milestones} tasks={template.tasks} canEdit={canEdit} />
    </section>
  );
}

/** Errors keyed "index.field" for one list of the form ("milestones" or "tasks"), from zod issues, template problems or the server's dotted keys. */
function errorsFor(list: string, entries: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { path, message } of entries) {
    const [name, index, field] = path;
    if (name === list && typeof index === "number" && typeof field === "string") errors[`${index}.${field}`] ??= message;
  }
  return errors;
}

function TemplateForm({
  type,
  custom,
  milestones,
  tasks,
  canEdit,
}: {
  type: CampaignType;
  custom: boolean;
  milestones: TemplateMilestone[];
  tasks: TemplateTask[];
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: settings } = useSuspenseQuery(trpc.settings.get.queryOptions());
  const [rows, setRows] = useState(() => toRows(milestones));
  const [taskRows, setTaskRows] = useState<TaskRow[]>(() => toTaskRows(tasks, rows));
  const [taskErrors, setTaskErrors] = useState<Record<string, string>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.template.list.queryFilter());
  const update = useMutation(trpc.template.update.mutationOptions());
  const reset = useMutation(trpc.template.reset.mutationOptions());
  const label = campaignTypeLabels[type];

  const change = (key: number, patch: Partial<Row>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const move = (index: number, by: -1 | 1) =>
    setRows((current) => {
      const next = [...current];
      [next[index], next[index + by]] = [next[index + by]!, next[index]!];
      return next;
    });

  const onSave = async (event: React.FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const milestoneName = new Map(rows.map((row) => [row.key, row.name.trim()]));
    const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
    const parsed = updateTemplateInput.safeParse({
      type,
      milestones: rows.map((row) => ({ name: row.name, businessDaysBeforeLaunch: number(row.days) })),
      tasks: taskRows.map((row) => ({
        key: row.key,
        title: row.title,
        estimateHours: number(row.estimate),
        skills: row.skills,
        dependsOn: row.dependsOn,
        milestone: (row.milestoneRow !== null && milestoneName.get(row.milestoneRow)) || "",
        businessDaysBefore: number(row.days),
        ...(row.channel ? { channel: row.channel } : {}),
      })),
    });
    if (!parsed.success) {
      setRowErrors(errorsFor("milestones", parsed.error.issues));
      setTaskErrors(errorsFor("tasks", parsed.error.issues));
      const general = parsed.error.issues.find((issue) => issue.path.length < 3);
      if (general) setFormError(general.message);
      else setFormError("Some milestones or tasks need a fix; they are marked below.");
      return;
    }
    const problems = templateTaskProblems({ tasks: parsed.data.tasks ?? [], milestoneNames: parsed.data.milestones.map((m) => m.name), skills: settings.skills });
    setRowErrors({});
    setTaskErrors(errorsFor("tasks", problems));
    if (problems.length > 0) {
      setFormError(problems[0]!.message);
      return;
    }
    try {
      const result = await update.mutateAsync(parsed.data);
      const saved = toRows(result.milestones);
      setRows(saved);
      setTaskRows(toTaskRows(result.tasks, saved));
      confirmAction(`The ${label.toLowerCase()} template is saved. New campaigns of this type use it.`);
      await refresh();
    } catch (error) {
      setFormError(errorMessage(error));
      setTaskErrors(errorsFor("tasks", Object.entries(fieldErrors(error)).map(([key, messages]) => ({ path: key.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)), message: messages[0]! }))));
    }
  };

  const onReset = async () => {
    setConfirmReset(false);
    try {
      const result = await reset.mutateAsync({ type });
      const builtIn = toRows(result.milestones);
      setRows(builtIn);
      setTaskRows(toTaskRows(result.tasks, builtIn));
      setRowErrors({});
      setTaskErrors({});
      confirmAction(`The ${label.toLowerCase()} template is back to the built-in one.`);
      await refresh();
    } catch (error) {
      setFormError(errorMessage(error));
    }
  };

  return (
    <form onSubmit={onSave} className="space-y-3" noValidate aria-label={`${label} template`}>
      <p className="text-sm text-slate-600">{custom ? "Your workspace's own template." : "The built-in template."}</p>
      {formError && <Alert>{formError}</Alert>}
      <ol aria-label="Milestones" className="space-y-2">
        {rows.map((row, index) => {
          const n = index + 1;
          const nameError = rowErrors[`${index}.name`];
          const daysError = rowErrors[`${index}.businessDaysBeforeLaunch`];
          return (
            <li key={row.key} className="flex flex-wrap items-start gap-2 rounded-lg border border-slate-200 p-2">
              <div className="min-w-48 flex-1">
                <label className="sr-only" htmlFor={`milestone-${row.key}-name`}>
                  Milestone {n} name
                </label>
                <input
                  id={`milestone-${row.key}-name`}
                  value={row.name}
                  onChange={(e) => change(row.key, { name: e.target.value })}
                  disabled={!canEdit}
                  maxLength={80}
                  aria-invalid={nameError ? true : undefined}
                  aria-describedby={nameError ? `milestone-${row.key}-name-error` : undefined}
                  className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
                />
                {nameError && (
                  <p id={`milestone-${row.key}-name-error`} className="mt-1 text-sm text-red-700">
                    {nameError}
                  </p>
                )}
              </div>
              <div className="w-40">
                <label className="sr-only" htmlFor={`milestone-${row.key}-days`}>
                  Milestone {n} business days before launch
                </label>
                <input
                  id={`milestone-${row.key}-days`}
                  type="number"
                  inputMode="numeric"
                  min={-60}
                  max={250}
                  value={row.days}
                  onChange={(e) => change(row.key, { days: e.target.value })}
                  disabled={!canEdit}
                  aria-invalid={daysError ? true : undefined}
                  aria-describedby={daysError ? `milestone-${row.key}-days-error` : `milestone-${row.key}-days-unit`}
                  className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
                />
                <p id={`milestone-${row.key}-days-unit`} className="mt-1 text-xs text-slate-500">
                  business days before launch
                </p>
                {daysError && (
                  <p id={`milestone-${row.key}-days-error`} className="mt-1 text-sm text-red-700">
                    {daysError}
                  </p>
                )}
              </div>
              {canEdit && (
                <div className="flex gap-1">
                  <Button type="button" variant="ghost" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move milestone ${n} up`}>
                    ↑
                  </Button>
                  <Button type="button" variant="ghost" disabled={index === rows.length - 1} onClick={() => move(index, 1)} aria-label={`Move milestone ${n} down`}>
                    ↓
                  </Button>
                  <Button
                    type="button"
                    variant="danger"
                    disabled={rows.length === 1}
                    onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                    aria-label={`Remove milestone ${n}`}
                  >
                    Remove
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {canEdit && (
        <Button type="button" variant="secondary" disabled={rows.length >= 20} onClick={() => setRows((current) => [...current, ...toRows([{ name: "", businessDaysBeforeLaunch: 0 }])])}>
          Add milestone
        </Button>
      )}
      <TemplateTasks rows={taskRows} setRows={setTaskRows} milestones={rows} skills={settings.skills} errors={taskErrors} canEdit={canEdit} />
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save template"}
          </Button>
          {custom &&
            (confirmReset ? (
              <span role="group" aria-label="Confirm reset" className="flex items-center gap-2 text-sm">
                Replace your {label.toLowerCase()} template with the built-in one?
                <Button type="button" variant="danger" onClick={onReset} disabled={reset.isPending}>
                  Yes, reset
                </Button>
                <Button type="button" variant="ghost" onClick={() => setConfirmReset(false)}>
                  Keep mine
                </Button>
              </span>
            ) : (
              <Button type="button" variant="ghost" onClick={() => setConfirmReset(true)}>
                Reset to default
              </Button>
            ))}
        </div>
      ) : (
        <p className="text-sm text-slate-500">Only managers and admins can change templates.</p>
      )}
    </form>
  );
}
