import { StatusMessage } from "@/components/ui/status-message";

export default function NewCampaignForbidden() {
  return (
    <StatusMessage code={403} title="Viewers can't create campaigns">
      You can read every campaign in this workspace. Ask an admin to make you a marketer to plan your own.
    </StatusMessage>
  );
}
