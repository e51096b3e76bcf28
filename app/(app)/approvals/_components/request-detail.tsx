"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { decisionLabels, requestStatusLabels, stageLabel } from "@/components/approvals/approval-words";
import { CheckFindings } from "@/components/approvals/check-findings";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { DateTime } from "@/components/viewer/formatted";
import { channelLabels } from "@/server/services/campaigns/campaign-labels";
import type { ApprovalRequestDetail } from "@/server/services/approvals/get-approval-request";
import { ChannelPreview, type Passage } from "./channel-preview";
import { type DecideIntent, DecideForm } from "./decide-form";
import { WordDiff } from "./word-diff";

/** One request: the decision form, how the item will look, what changed, what the checks found, the stages, the feedback and the history. */
export function RequestDetail({ requestId, intent, onDecided }: { requestId: string; intent: DecideIntent | null; onDecided: () => void }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.approval.get.queryOptions({ requestId }));
  const [passage, setPassage] = useState<Passage | null>(null);

  if (detail.isPending) return <p className="p-4 text-sm text-slate-600">Loading the request…</p>;
  if (detail.isError) return <p role="alert" className="p-4 text-sm text-red-700">{errorMessage(detail.error)}</p>;
  const request = detail.data;
  const title = request.content?.title ?? request.campaignName;

  return (
    <article aria-labelledby="request-title" className="space-y-6">
      <header className="space-y-1">
        <h2 id="request-title" className="text-xl font-bold tracking-tight">
          {title}
        </h2>
        <p className="text-sm text-slate-600">
          <Link href={`/campaigns/${request.campaignId}`} className="text-brand-700 underline">
            {request.campaignName}
          </Link>
          {request.channel && <> · {channelLabels[request.channel]}</>} · version {request.version} · asked by {request.requesterName ?? "a former member"}{" "}
          <DateTime value={request.requestedAt} />
        </p>
        <p className="text-sm">
          <span className="font-medium">{requestStatusLabels[request.status]}</span>
          {request.status === "pending" && (
            <>
              {" "}
              · stage {stageLabel(request.stageIndex + 1, request.stages.length, request.currentStageName)}
              {request.stageDueAt && (
                <>
                  {" "}
                  · due <DateTime value={request.stageDueAt} />
                </>
              )}
            </>
          )}
          {request.content && (
            <>
              {" "}
              ·{" "}
              <Link href={`/campaigns/${request.campaignId}/content/${request.content.id}`} className="text-brand-700 underline">
                Open the content item
              </Link>
            </>
          )}
        </p>
      </header>

      {request.viewer.canDecide && (
        <DecideForm
          key={`${request.id}:${request.version}`}
          request={{ id: request.id, version: request.version, title }}
          intent={intent}
          passage={passage}
          onClearPassage={() => setPassage(null)}
          onDecided={onDecided}
        />
      )}

      {request.content && (
        <Section title="Preview">
          <ChannelPreview content={request.content} author={request.requesterName ?? "Your team"} onSelectPassage={request.viewer.canDecide ? setPassage : undefined} />
        </Section>
      )}

      <Section title={request.diff ? `Changes since version ${request.diff.from}` : "Changes"}>
        {request.diff ? (
          <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
            <p className="text-xs text-slate-600">
              <ins className="underline decoration-2">Added words</ins> are underlined, <del className="line-through">removed words</del> struck through.
            </p>
            <div>
              <h4 className="text-xs font-semibold uppercase text-slate-600">Title</h4>
              <WordDiff parts={request.diff.title} />
            </div>
            <div>
              <h4 className="text-xs font-semibold uppercase text-slate-600">Body</h4>
              <WordDiff parts={request.diff.body} />
            </div>
          </div>
        ) : (
          <p className="text-sm text-slate-600">No earlier version was decided on, so there is nothing to compare with.</p>
        )}
      </Section>

      {request.subject === "content_item" && (
        <Section title="Checks">
          <CheckFindings findings={request.checks} headingLevel={4} />
        </Section>
      )}

      <Section title="Stages and feedback">
        <Stages request={request} />
      </Section>

      <Section title="History">
        <ol className="space-y-1.5 text-sm">
          {request.history.map((entry) => (
            <li key={entry.id} className="flex flex-col sm:flex-row sm:gap-3">
              <span className="shrink-0 text-xs text-slate-600 sm:w-44 sm:text-sm">
                <DateTime value={entry.at} />
              </span>
              <span>{entry.text}</span>
            </li>
          ))}
        </ol>
      </Section>
    </article>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="space-y-2">
      <h3 className="font-semibold">{title}</h3>
      {children}
    </section>
  );
}

const stateWords = { done: "done", current: "now", later: "later" } as const;

/** Each stage with who it waits on and, in one place, every decision made at it (earlier versions marked). */
function Stages({ request }: { request: ApprovalRequestDetail }) {
  return (
    <ol className="space-y-3">
      {request.stages.map((stage, index) => {
        const decisions = request.decisions.filter((decision) => decision.stageIndex === index);
        const waiting = index === request.stageIndex && request.status === "pending" ? request.approvers.filter((approver) => approver.waiting) : [];
        return (
          <li key={index} className="rounded-lg border border-slate-200 bg-white p-3">
            <p className="text-sm font-medium">
              Stage {index + 1} of {request.stages.length}: {stage.name} <span className="font-normal text-slate-600">({stateWords[stage.state as keyof typeof stateWords] ?? stage.state}{stage.state === "current" && typeof stage.rule === "string" && stage.needed !== null ? `, needs ${stage.rule}` : ""})</span>
            </p>
            {waiting.length > 0 && (
              <p className="mt-1 text-sm text-slate-700">
                Waiting on {waiting.map((approver) => `${approver.name}${approver.external ? " (external)" : ""}${approver.escalated ? " (escalated)" : ""}`).join(", ")}
              </p>
            )}
            {decisions.length > 0 && (
              <ul className="mt-2 space-y-2" aria-label={`Feedback at stage ${index + 1}`}>
                {decisions.map((decision) => (
                  <li key={decision.id} className="border-l-2 border-slate-200 pl-3 text-sm">
                    <p>
                      <span className="font-medium">{decision.byName}</span> · {decisionLabels[decision.decision]}
                      {decision.onOldVersion && <span className="ml-1 rounded bg-slate-100 px-1.5 text-xs text-slate-700">on version {decision.version}</span>} ·{" "}
                      <span className="text-slate-600">
                        <DateTime value={decision.at} />
                      </span>
                    </p>
                    {decision.anchor && <p className="mt-0.5 text-slate-600">About “{decision.anchor.quote}”</p>}
                    {decision.comment && <p className="mt-0.5 whitespace-pre-wrap">{decision.comment}</p>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
