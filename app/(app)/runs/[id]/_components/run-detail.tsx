"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { DateTime } from "@/components/viewer/formatted";
import { formatDuration } from "@/server/services/date-time";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmAction } from "@/components/ui/toaster";
import type { RunDetail as Run } from "@/server/services/workflows/get-run";
import { RunSummaryText } from "../../_components/run-summary-text";
import { RUNS_REFRESH_MS } from "../../_components/runs-query";
import { StatusBadge } from "../../_components/status-badge";

type Step = Run["steps"][number];

const finished = new Set(["completed", "failed", "cancelled"]);

const opLabels: Record<string, string> = {
  StepRun: "Step",
  Sleep: "Sleep",
  WaitForEvent: "Wait for an event",
  InvokeFunction: "Run another workflow",
};

function Time({ date }: { date: Date }) {
  return <DateTime value={date} />;
}

/** Raw data, folded away: people read the sentences; the JSON is there for whoever needs it. */
function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-slate-600">Details: {label.toLowerCase()}</summary>
      <pre aria-label={label} className="mt-2 max-h-80 overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800">
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}

const eventSentences: Record<string, string> = {
  "member/invited": "A teammate was invited.",
  "workspace/created": "A workspace was created.",
  "approval/stage.started": "A stage of an approval request started waiting on its approvers.",
};

export function RunDetail({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: run } = useSuspenseQuery(trpc.workflow.getRun.queryOptions({ runId }, { refetchInterval: RUNS_REFRESH_MS }));
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);

  const handlers = (success: string) => ({
    onMutate: () => setFailure(null),
    onSuccess: () => confirmAction(success),
    onError: (error: unknown) => setFailure(errorMessage(error)),
    onSettled: () => {
      setConfirmingCancel(false);
      return queryClient.invalidateQueries(trpc.workflow.pathFilter());
    },
  });
  const cancel = useMutation(trpc.workflow.cancelRun.mutationOptions(handlers("The run was cancelled. Steps that had finished stay done.")));
  const retry = useMutation(trpc.workflow.retryRun.mutationOptions(handlers("The run starts again from the step that failed.")));
  const wake = useMutation(trpc.workflow.wakeStep.mutationOptions(handlers("The step was woken; the run carries on now.")));
  const busy = cancel.isPending || retry.isPending || wake.isPending;
  const isFinished = finished.has(run.status);

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight">{run.functionName}</h1>
          <StatusBadge status={run.status} />
        </div>
        <p className="text-slate-800">
          <RunSummaryText summary={run.summary} />
        </p>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-500">Started</dt>
          <dd>{run.startedAt ? <Time date={run.startedAt} /> : "Not yet"}</dd>
          {run.endedAt && (
            <>
              <dt className="text-slate-500">Ended</dt>
              <dd>
                <Time date={run.endedAt} />
              </dd>
            </>
          )}
          {run.durationMs !== null && (
            <>
              <dt className="text-slate-500">{isFinished ? "Took" : "Running for"}</dt>
              <dd suppressHydrationWarning>{formatDuration(run.durationMs)}</dd>
            </>
          )}
          {run.parentRunId && (
            <>
              <dt className="text-slate-500">Started by</dt>
              <dd>
                <Link href={`/runs/${run.parentRunId}`} className="text-brand-700 hover:underline">
                  the run that called this workflow
                </Link>
              </dd>
            </>
          )}
        </dl>
        <div className="flex flex-wrap items-center gap-2">
          {!isFinished &&
            (confirmingCancel ? (
              <span className="inline-flex flex-wrap items-center gap-2 text-sm">
                <span className="text-slate-700">Cancel this run? Steps that finished stay done; the rest will not run.</span>
                <Button variant="danger" autoFocus disabled={busy} onClick={() => cancel.mutate({ runId })}>
                  Yes, cancel the run
                </Button>
                <Button variant="ghost" onClick={() => setConfirmingCancel(false)}>
                  Keep it running
                </Button>
              </span>
            ) : (
              <Button variant="danger" disabled={busy} onClick={() => setConfirmingCancel(true)}>
                Cancel run
              </Button>
            ))}
          {run.status === "failed" && (
            <Button disabled={busy} onClick={() => retry.mutate({ runId })}>
              Retry run
            </Button>
          )}
        </div>
        {failure && <Alert>{failure}</Alert>}
      </header>

      <section aria-labelledby="trigger-heading" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="trigger-heading" className="font-semibold">
          What started it
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          {eventSentences[run.event.name] ?? "An event started it."}
          {run.event.sentAt && (
            <span className="text-slate-500">
              {" "}
              Sent <Time date={run.event.sentAt} />.
            </span>
          )}
        </p>
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-slate-600">Details: event and ids</summary>
          <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-500">Event</dt>
            <dd className="font-mono text-xs leading-5 text-slate-700">{run.event.name}</dd>
            {run.event.id && (
              <>
                <dt className="text-slate-500">Event id</dt>
                <dd className="font-mono text-xs leading-5 text-slate-700">{run.event.id}</dd>
              </>
            )}
            <dt className="text-slate-500">Run id</dt>
            <dd className="font-mono text-xs leading-5 text-slate-700">{run.id}</dd>
          </dl>
          <pre aria-label="Event data" className="mt-2 max-h-80 overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800">
            {JSON.stringify(run.event.data, null, 2)}
          </pre>
        </details>
      </section>

      {(run.error || run.status === "completed") && (
        <section aria-labelledby="result-heading" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="result-heading" className="font-semibold">
            {run.error && run.status !== "completed" ? (run.status === "failed" ? "Error" : "Last error") : "Output"}
          </h2>
          {run.error && run.status !== "completed" ? (
            <p className="mt-2 text-sm text-red-700">{run.error.message}</p>
          ) : run.output === null || run.output === undefined ? (
            <p className="mt-2 text-sm text-slate-600">The run finished without returning anything.</p>
          ) : (
            <Json value={run.output} label="Run output" />
          )}
        </section>
      )}

      <section aria-labelledby="steps-heading" className="space-y-3">
        <h2 id="steps-heading" className="font-semibold">
          Steps <span className="font-normal text-slate-500">({run.steps.length})</span>
        </h2>
        {run.steps.length === 0 ? (
          <p className="text-sm text-slate-600">No step has run yet.</p>
        ) : (
          <ol className="space-y-3">
            {run.steps.map((step) => (
              <li key={step.stepId}>
                <StepCard step={step} busy={busy} onWake={() => wake.mutate({ runId, stepId: step.stepId })} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function StepCard({ step, busy, onWake }: { step: Step; busy: boolean; onWake: () => void }) {
  const asleep = step.status === "sleeping" || step.status === "waiting";
  return (
    <article aria-label={step.name} className="rounded-xl border border-slate-200 bg-white p-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="font-medium">{step.name}</h3>
          <StatusBadge status={step.status} kind="step" />
          <span className="text-xs text-slate-500">{opLabels[step.op] ?? step.op}</span>
        </div>
        {asleep && (
          <Button variant="secondary" disabled={busy} onClick={onWake}>
            Wake now
          </Button>
        )}
      </header>
      <p className="mt-1 text-sm text-slate-600">
        {[
          step.attempts > 1 && <span key="attempts">{step.attempts} attempts</span>,
          step.startedAt && (
            <span key="started">
              Started <Time date={step.startedAt} />
            </span>
          ),
          step.endedAt && (
            <span key="ended">
              ended <Time date={step.endedAt} />
            </span>
          ),
          step.endedAt && step.durationMs !== null && (
            <span key="took" suppressHydrationWarning>
              took {formatDuration(step.durationMs)}
            </span>
          ),
          asleep && step.dueAt && (
            <span key="wakes">
              Wakes at <Time date={step.dueAt} />
              {step.status === "waiting" && ", or sooner if the event comes"}
            </span>
          ),
        ]
          .filter(Boolean)
          .flatMap((part, index) => (index === 0 ? [part] : [" · ", part]))}
      </p>
      {step.error && step.status !== "completed" ? (
        <p className="mt-2 text-sm text-red-700">
          {step.status === "retrying" ? "Failed, will try again: " : ""}
          {step.error.message}
        </p>
      ) : step.status === "completed" && step.op === "WaitForEvent" && step.output === null ? (
        <p className="mt-2 text-sm text-slate-600">Stopped waiting: no matching event came in time.</p>
      ) : step.status === "completed" && step.output !== null && step.output !== undefined ? (
        <Json value={step.output} label={`Output of ${step.name}`} />
      ) : null}
    </article>
  );
}
