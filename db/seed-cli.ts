// `npm run seed`: the demo data, into DATABASE_URL or the embedded database.
// Stop the app first when it runs on the embedded database: one process per folder.
import { getDatabaseHandle } from "./index";
import { seedDemo } from "./seed";

async function main() {
  const handle = await getDatabaseHandle();
  try {
    const { seeded } = await seedDemo(handle.db);
    console.log(seeded ? "Seeded the demo workspace Acme Marketing." : "Demo data is already there; nothing to do.");
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
