import { StatusMessage } from "@/components/ui/status-message";

export default function RunsForbidden() {
  return (
    <StatusMessage code={403} title="Runs are for managers and admins">
      The runs of background workflows are shown to managers and admins. Ask one of them if an email or reminder seems stuck.
    </StatusMessage>
  );
}
