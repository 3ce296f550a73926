"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";

import { getQueryClient } from "@/app/get-query-client";
import { ReaderTimeZoneProvider } from "@/components/reader-time-zone";
import { ToastProvider } from "@/components/ui/toast";
import { canonicalExplorerSearch } from "@/lib/explorer-url";

export function Providers({ readerTimeZone, children }: { readerTimeZone: string | null; children: ReactNode }) {
  const queryClient = getQueryClient();
  return (
    <QueryClientProvider client={queryClient}>
      {/* The only page that writes its URL is the explorer: every write leaves its canonical URL. */}
      <NuqsAdapter processUrlSearchParams={canonicalExplorerSearch}>
        <ReaderTimeZoneProvider timeZone={readerTimeZone}>
          <ToastProvider>{children}</ToastProvider>
        </ReaderTimeZoneProvider>
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
