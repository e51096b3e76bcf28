import { StatusMessage } from "@/components/ui/status-message";

export default function OutboxForbidden() {
  return (
    <StatusMessage code={403} title="The outbox is for admins">
      Only workspace admins can read the outbox. Ask an admin if you are waiting for an email.
    </StatusMessage>
  );
}
