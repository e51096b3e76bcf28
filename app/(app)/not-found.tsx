import { StatusMessage } from "@/components/ui/status-message";

export const metadata = { title: "Page not found" };

// Inside the shell, whose <main> it fills: a campaign or run that does not exist (HTTP 404).
export default function NotFound() {
  return (
    <StatusMessage code={404} title="Page not found">
      We couldn&apos;t find that page. It may have moved, or the link may be mistyped.
    </StatusMessage>
  );
}
