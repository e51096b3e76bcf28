import type { Database } from "@/db";
import { holidayCountries } from "@/server/services/timeline/business-days";
import { planningSettings } from "./planning-settings";

/** The planning settings with the choices the settings form offers. */
export async function getSettings(db: Database, input: { workspaceId: string }) {
  return { ...(await planningSettings(db, input)), countries: holidayCountries() };
}
