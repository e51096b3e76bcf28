import { clsx } from "clsx";
import type { WorkflowRunStatus, WorkflowStepStatus } from "@/db/schema/workflows";

export const runStatusLabels: Record<WorkflowRunStatus, string> = {
  queued: "Queued",
  running: "Running",
  sleeping: "Sleeping",
  waiting: "Waiting",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};

const stepStatusLabels: Record<WorkflowStepStatus, string> = {
  planned: "Planned",
  running: "Running",
  retrying: "Retrying",
  sleeping: "Sleeping",
  waiting: "Waiting",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};

const tones: Record<WorkflowRunStatus | WorkflowStepStatus, string> = {
  queued: "bg-slate-100 text-slate-700",
  planned: "bg-slate-100 text-slate-700",
  running: "bg-brand-50 text-brand-800",
  retrying: "bg-amber-50 text-amber-800",
  sleeping: "bg-sky-50 text-sky-800",
  waiting: "bg-sky-50 text-sky-800",
  completed: "bg-emerald-50 text-emerald-800",
  failed: "bg-red-50 text-red-700",
  cancelled: "bg-slate-100 text-slate-600",
};

/** A run's or a step's status in words, coloured; the words carry the meaning, not the colour. */
export function StatusBadge({ status, kind = "run" }: { status: WorkflowStepStatus | WorkflowRunStatus; kind?: "run" | "step" }) {
  const label = kind === "run" ? runStatusLabels[status as WorkflowRunStatus] : stepStatusLabels[status as WorkflowStepStatus];
  return (
    <span className={clsx("inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium", tones[status])}>
      {label}
    </span>
  );
}
