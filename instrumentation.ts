// Runs once when the server starts: opens and migrates the database before the
// first request, seeds the demo data when asked to (SEED_DEMO=1), and starts
// the embedded workflow executor unless Inngest is configured (then only the
// relay that sends the events outbox to Inngest).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDatabaseHandle } = await import("./db");
  const { env } = await import("./server/env");
  const handle = await getDatabaseHandle();
  if (env.SEED_DEMO === "1") {
    const { seedDemo } = await import("./db/seed");
    const { seeded } = await seedDemo(handle.db);
    if (seeded) {
      const { logger } = await import("./server/logger");
      logger.info("Seeded the demo workspace Acme Marketing.");
    }
  }
  if (env.NODE_ENV === "production" && process.env.INNGEST_DEV) {
    throw new Error("INNGEST_DEV turns off request signing, so a production build does not run with it. Set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY for Inngest, or neither for the embedded executor.");
  }
  const { workflowEngine } = await import("./inngest/engine");
  if (workflowEngine().kind === "embedded") {
    const { startEmbeddedExecutor } = await import("./inngest/embedded");
    await startEmbeddedExecutor();
  } else {
    const { startInngestRelay } = await import("./inngest/inngest-relay");
    await startInngestRelay();
  }
}
