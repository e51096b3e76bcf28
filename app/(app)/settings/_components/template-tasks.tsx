"use client";

import { SkillsField } from "@/app/(app)/tasks/_components/skills-field";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { TemplateTask } from "@/db/schema/campaigns";
import { type Channel, channels } from "@/db/schema/enum-values";
import { channelLabels } from "@/server/services/campaigns/campaign-labels";

/** A task of the template as the form edits it: numbers as typed, its milestone by the milestone row's key (so renaming a milestone keeps it). */
export interface TaskRow {
  rowKey: number;
  key: string;
  title: string;
  estimate: string;
  skills: string[];
  dependsOn: string[];
  milestoneRow: number | null;
  days: string;
  channel: Channel | "";
  /** Folded open in the form (a new task starts open). */
  open: boolean;
}

let nextRowKey = 0;
export function toTaskRows(tasks: TemplateTask[], milestoneRows: { key: number; name: string }[]): TaskRow[] {
  return tasks.map((task) => ({
    rowKey: nextRowKey++,
    key: task.key,
    title: task.title,
    estimate: String(task.estimateHours),
    skills: task.skills,
    dependsOn: task.dependsOn,
    milestoneRow: milestoneRows.find((m) => m.name === task.milestone)?.key ?? null,
    days: String(task.businessDaysBefore),
    channel: task.channel ?? "",
    open: false,
  }));
}

export function newTaskRow(milestoneRow: number | null): TaskRow {
  const rowKey = nextRowKey++;
  return { rowKey, key: `task-${Date.now().toString(36)}-${rowKey}`, title: "", estimate: "1", skills: [], dependsOn: [], milestoneRow, days: "0", channel: "", open: true };
}

/** The template's tasks: each one folds open to its fields; errors are keyed "index.field". */
export function TemplateTasks({
  rows,
  setRows,
  milestones,
  skills,
  errors,
  canEdit,
}: {
  rows: TaskRow[];
  setRows: (update: (rows: TaskRow[]) => TaskRow[]) => void;
  milestones: { key: number; name: string }[];
  skills: string[];
  errors: Record<string, string>;
  canEdit: boolean;
}) {
  const change = (rowKey: number, patch: Partial<TaskRow>) => setRows((current) => current.map((row) => (row.rowKey === rowKey ? { ...row, ...patch } : row)));
  const remove = (row: TaskRow) => setRows((current) => current.filter((r) => r.rowKey !== row.rowKey).map((r) => ({ ...r, dependsOn: r.dependsOn.filter((k) => k !== row.key) })));

  return (
    <div className="space-y-2">
      <h3 className="font-medium">Tasks</h3>
      <p className="text-sm text-slate-600">
        The work each new campaign of this type gets, due a number of business days before a milestone. Tasks for one channel only go to campaigns on it.
      </p>
      <ol aria-label="Tasks" className="space-y-2">
        {rows.map((row, index) => {
          const error = (field: string) => errors[`${index}.${field}`];
          const hasError = ["key", "title", "estimateHours", "skills", "dependsOn", "milestone", "businessDaysBefore"].some((f) => error(f));
          const milestoneName = milestones.find((m) => m.key === row.milestoneRow)?.name;
          return (
            <li key={row.rowKey} className={`rounded-lg border p-2 ${hasError ? "border-red-300" : "border-slate-200"}`}>
              <details
                open={row.open || hasError}
                onToggle={(e) => {
                  const open = e.currentTarget.open;
                  if (open !== row.open) change(row.rowKey, { open });
                }}
              >
                <summary className="cursor-pointer text-sm">
                  <span className="font-medium">{row.title || "New task"}</span>
                  <span className="text-slate-600">
                    {" "}
                    · {row.estimate || "?"} h · {row.days || "0"} business days before {milestoneName ?? "(no milestone)"}
                    {row.channel && ` · ${channelLabels[row.channel]} only`}
                  </span>
                  {hasError && <span className="font-medium text-red-700"> · needs a fix</span>}
                </summary>
                <div className="mt-3 grid gap-3 sm:grid-cols-2">
                  <TextField label="Title" value={row.title} maxLength={200} disabled={!canEdit} errors={error("title") ? [error("title")!] : undefined} onChange={(e) => change(row.rowKey, { title: e.target.value })} />
                  <TextField
                    label="Estimate (hours)"
                    type="number"
                    inputMode="decimal"
                    step="0.5"
                    min={0}
                    max={1000}
                    value={row.estimate}
                    disabled={!canEdit}
                    errors={error("estimateHours") ? [error("estimateHours")!] : undefined}
                    onChange={(e) => change(row.rowKey, { estimate: e.target.value })}
                  />
                  <SelectField
                    label="Milestone"
                    value={row.milestoneRow ?? ""}
                    disabled={!canEdit}
                    errors={error("milestone") ? [error("milestone")!] : undefined}
                    onChange={(e) => change(row.rowKey, { milestoneRow: e.target.value === "" ? null : Number(e.target.value) })}
                  >
                    <option value="">Choose a milestone</option>
                    {milestones.map((m) => (
                      <option key={m.key} value={m.key}>
                        {m.name || "Unnamed milestone"}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    label="Business days before the milestone"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={250}
                    value={row.days}
                    disabled={!canEdit}
                    errors={error("businessDaysBefore") ? [error("businessDaysBefore")!] : undefined}
                    onChange={(e) => change(row.rowKey, { days: e.target.value })}
                  />
                  <SelectField label="Channel" value={row.channel} disabled={!canEdit} onChange={(e) => change(row.rowKey, { channel: e.target.value as Channel | "" })}>
                    <option value="">Every campaign</option>
                    {channels.map((channel) => (
                      <option key={channel} value={channel}>
                        {channelLabels[channel]} campaigns only
                      </option>
                    ))}
                  </SelectField>
                  <div className="sm:col-span-2">
                    <SkillsField catalogue={skills} value={row.skills} disabled={!canEdit} error={error("skills")} onChange={(next) => change(row.rowKey, { skills: next })} />
                  </div>
                  <fieldset className="space-y-1 sm:col-span-2">
                    <legend className="text-sm font-medium text-slate-800">Depends on</legend>
                    <div className="max-h-40 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
                      {rows
                        .filter((other) => other.rowKey !== row.rowKey)
                        .map((other) => (
                          <label key={other.rowKey} className="flex items-center gap-2 text-sm">
                            <input
                              type="checkbox"
                              checked={row.dependsOn.includes(other.key)}
                              disabled={!canEdit}
                              onChange={(e) =>
                                change(row.rowKey, { dependsOn: e.target.checked ? [...row.dependsOn, other.key] : row.dependsOn.filter((k) => k !== other.key) })
                              }
                            />
                            {other.title || "New task"}
                          </label>
                        ))}
                    </div>
                    {(error("dependsOn") || error("key")) && <p className="text-sm text-red-700">{error("dependsOn") ?? error("key")}</p>}
                  </fieldset>
                  {canEdit && (
                    <div className="sm:col-span-2">
                      <Button type="button" variant="danger" onClick={() => remove(row)} aria-label={`Remove task ${row.title || index + 1}`}>
                        Remove task
                      </Button>
                    </div>
                  )}
                </div>
              </details>
            </li>
          );
        })}
      </ol>
      {canEdit && (
        <Button type="button" variant="secondary" disabled={rows.length >= 150} onClick={() => setRows((current) => [...current, newTaskRow(milestones.at(-1)?.key ?? null)])}>
          Add task
        </Button>
      )}
    </div>
  );
}
