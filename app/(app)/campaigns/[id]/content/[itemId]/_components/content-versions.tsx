"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DateTime } from "@/components/viewer/formatted";
import { errorMessage } from "@/components/trpc/error-message";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

interface VersionRow {
  version: number;
  createdAt: Date;
  authorName: string | null;
}

interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

/** The item's saved versions, and what changed between any two of them. */
export function ContentVersions({ contentItemId, versions }: { contentItemId: string; versions: VersionRow[] }) {
  const trpc = useTRPC();
  const latest = versions[0]?.version ?? 1;
  // What the person picked, for the versions they saw; after a save adds a version the pick
  // starts again at the latest two, so Compare never offers version 1 against itself.
  const [picked, setPicked] = useState<{ from: number; to: number; latest: number } | null>(null);
  const { from, to } = picked?.latest === latest ? picked : { from: Math.max(1, latest - 1), to: latest };
  const setFrom = (value: number) => setPicked({ from: value, to, latest });
  const setTo = (value: number) => setPicked({ from, to: value, latest });
  const [compared, setCompared] = useState<{ from: number; to: number } | null>(null);
  const diff = useQuery(trpc.content.diff.queryOptions({ contentItemId, from: compared?.from ?? 1, to: compared?.to ?? 1 }, { enabled: compared !== null }));

  return (
    <section aria-labelledby="versions-heading" className="space-y-4">
      <h2 id="versions-heading" className="text-lg font-semibold">
        Versions
      </h2>
      <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm" aria-label="Version history">
        {versions.map((row) => (
          <li key={row.version} className="flex flex-wrap justify-between gap-2 px-4 py-2">
            <span className="font-medium">Version {row.version}</span>
            <span className="text-slate-600">
              {row.authorName ?? "Someone no longer here"} ·{" "}
              <DateTime value={row.createdAt} />
            </span>
          </li>
        ))}
      </ol>

      {versions.length < 2 ? (
        <p className="text-sm text-slate-600">Save a change to compare versions.</p>
      ) : (
        <form
          aria-label="Compare versions"
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            setCompared({ from, to });
          }}
        >
          <SelectField label="From version" value={from} onChange={(event) => setFrom(Number(event.target.value))}>
            {versions.map((row) => (
              <option key={row.version} value={row.version}>
                {row.version}
              </option>
            ))}
          </SelectField>
          <SelectField label="To version" value={to} onChange={(event) => setTo(Number(event.target.value))}>
            {versions.map((row) => (
              <option key={row.version} value={row.version}>
                {row.version}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            Compare
          </Button>
        </form>
      )}

      {diff.error && <Alert>{errorMessage(diff.error)}</Alert>}
      {diff.data && (
        <div role="region" aria-label={`Changes from version ${diff.data.from} to version ${diff.data.to}`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 text-sm">
          <h3 className="font-semibold">
            Changes from version {diff.data.from} to version {diff.data.to}
          </h3>
          <Changes label="Title" parts={diff.data.title} />
          <Changes label="Text" parts={diff.data.body} />
          <Changes label="Images" parts={diff.data.media} />
        </div>
      )}
    </section>
  );
}

function Changes({ label, parts }: { label: string; parts: DiffPart[] }) {
  const changed = parts.some((part) => part.added || part.removed);
  return (
    <div>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      {!changed ? (
        <p className="text-slate-500">No changes.</p>
      ) : (
        <p className="whitespace-pre-wrap text-slate-800">
          {parts.map((part, index) =>
            part.added ? (
              <ins key={index} className="bg-emerald-100 text-emerald-900 no-underline">
                {part.value}
              </ins>
            ) : part.removed ? (
              <del key={index} className="bg-red-100 text-red-900">
                {part.value}
              </del>
            ) : (
              <span key={index}>{part.value}</span>
            ),
          )}
        </p>
      )}
    </div>
  );
}
