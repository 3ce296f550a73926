import type { Metadata } from "next";
import "./globals.css";

import { Providers } from "@/app/providers";
import { AppHeader } from "@/components/app-header";
import { readReaderTimeZone } from "@/lib/server/reader-time-zone";

export const metadata: Metadata = {
  title: "Audit Trail Explorer",
  description: "Read, filter, share and export your Merge organization's audit trail.",
};

// The page is exactly one screen tall: the events table scrolls inside it, under a fixed header and
// filter bar, which keeps the virtualized rows measured against one scroll box.
export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="flex h-dvh flex-col bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <Providers readerTimeZone={await readReaderTimeZone()}>
          <AppHeader />
          <div className="flex min-h-0 flex-1 flex-col overflow-y-auto">{children}</div>
        </Providers>
      </body>
    </html>
  );
}
