// This process's hub on the app database: one LISTEN per process, kept on
// globalThis because Next may load this module once per server bundle.
import { getDatabaseHandle } from "@/db";
import { ChangeHub } from "./change-hub";

const globalForHub = globalThis as unknown as { crescendoChangeHub?: Promise<ChangeHub> };

/** The process's hub, listening from the first call on. */
export function getChangeHub(): Promise<ChangeHub> {
  globalForHub.crescendoChangeHub ??= getDatabaseHandle()
    .then((handle) => ChangeHub.listen(handle))
    .catch((error: unknown) => {
      // A failed LISTEN (the database was unreachable) is tried again by the next stream.
      globalForHub.crescendoChangeHub = undefined;
      throw error;
    });
  return globalForHub.crescendoChangeHub;
}
