// After the journeys: the server's temporary database folder goes (playwright.config.ts made it).
import { rm } from "node:fs/promises";

export default async function globalTeardown() {
  const dataDir = process.env.E2E_DATA_DIR;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
