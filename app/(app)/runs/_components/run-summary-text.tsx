import { formatDateTime } from "@/components/format-date";
import type { RunSummary } from "@/server/services/workflows/describe-run";

/** A run in plain words; the wake time is written in the viewer's zone. */
export function RunSummaryText({ summary }: { summary: RunSummary }) {
  if (!summary.until) return <span>{summary.text}</span>;
  return (
    <span>
      {summary.text}{" "}
      <time dateTime={summary.until.toISOString()} suppressHydrationWarning>
        {formatDateTime(summary.until)}
      </time>
    </span>
  );
}
