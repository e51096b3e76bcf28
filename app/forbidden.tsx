import { StatusMessage } from "@/components/ui/status-message";

export const metadata = { title: "Not for your role" };

// Pages a role cannot use call forbidden() (HTTP 403); a page's own folder may say which roles it is for.
export default function Forbidden() {
  return (
    <StatusMessage code={403} title="This page isn't for your role">
      Your role in this workspace can&apos;t use this page. Ask an admin if you need it.
    </StatusMessage>
  );
}
