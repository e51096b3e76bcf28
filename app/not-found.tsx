import { StatusMessage } from "@/components/ui/status-message";

export const metadata = { title: "Page not found" };

// An address outside the app's shell: this page is the whole document, so it is its own <main>.
// Inside the shell, (app)/not-found.tsx answers instead, within the shell's <main>.
export default function NotFound() {
  return (
    <main>
      <StatusMessage code={404} title="Page not found">
        We couldn&apos;t find that page. It may have moved, or the link may be mistyped.
      </StatusMessage>
    </main>
  );
}
