// How Chromium is launched, for the journeys and for the bench's browser suite:
// Debian's Chromium where it exists (CI, these machines), with the flags that
// keep it off the closed network; Playwright's own browser elsewhere.
import { existsSync } from "node:fs";

const systemChromium = "/usr/bin/chromium";

export const chromiumLaunchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    }
  : {};
