import type { Metadata } from "next";
import { headers } from "next/headers";
import { TRPCReactProvider } from "@/components/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Crescendo", template: "%s · Crescendo" },
  description: "Plan campaigns, work tasks, get content approved and run outreach in one place.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, which the CSP nonce
  // needs (proxy.ts): Next puts it on its scripts while rendering, and a page built
  // ahead of time would carry none and be blocked.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
