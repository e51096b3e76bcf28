// Which engine runs the workflows, from the environment: Inngest (cloud or
// self-hosted, or a dev server) when it is configured, else the embedded
// executor inside this app. See the README's configuration table.

export type WorkflowEngine = { kind: "embedded" } | { kind: "inngest"; dashboardUrl: string };

export function workflowEngine(environment: NodeJS.ProcessEnv = process.env): WorkflowEngine {
  const dev = environment.INNGEST_DEV;
  const cloud = Boolean(environment.INNGEST_EVENT_KEY && environment.INNGEST_SIGNING_KEY);
  if (!dev && !cloud) return { kind: "embedded" };
  const devUrl = dev && /^https?:\/\//.test(dev) ? dev : dev ? "http://localhost:8288" : undefined;
  return { kind: "inngest", dashboardUrl: devUrl ?? environment.INNGEST_BASE_URL ?? "https://app.inngest.com" };
}
