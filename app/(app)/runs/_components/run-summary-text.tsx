import { DateTime } from "@/components/viewer/formatted";
import type { RunSummary } from "@/server/services/workflows/describe-run";

/** A run in plain words; the wake time is written in the viewer's zone and locale. */
export function RunSummaryText({ summary }: { summary: RunSummary }) {
  if (!summary.until) return <span>{summary.text}</span>;
  return (
    <span>
      {summary.text} <DateTime value={summary.until} />
    </span>
  );
}
