import { Alert } from "@/components/ui/alert";

/** When Inngest runs the workflows, their runs live in its dashboard, not in this app. */
export function InngestNote({ dashboardUrl }: { dashboardUrl: string }) {
  return (
    <Alert tone="info">
      Workflows run on Inngest, so their runs are not kept here. See them, and cancel, retry or replay them, in the{" "}
      <a href={dashboardUrl} className="font-medium text-brand-700 underline" target="_blank" rel="noreferrer">
        Inngest dashboard
      </a>
      .
    </Alert>
  );
}
