"use client";

import { useMutation } from "@tanstack/react-query";
import { z } from "zod";

import { Button } from "@/components/ui/button";
import { apiRequest } from "@/lib/api-request";

const verificationSchema = z.object({ ok: z.boolean(), checked: z.number(), first_broken_id: z.string().nullable() });

/** "Verify" (admins): recomputes the access log's hash chain on the server and says what it found. */
export function VerifyButton() {
  const verify = useMutation({ mutationFn: () => apiRequest("/api/access-log/verify", verificationSchema) });
  const result = verify.data;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button onClick={() => verify.mutate()} disabled={verify.isPending}>
        Verify
      </Button>
      <p role="status" className="text-sm">
        {verify.isPending && "Checking the chain…"}
        {verify.isError && <span className="text-red-700 dark:text-red-400">{verify.error.message}</span>}
        {result?.ok && (
          <span className="text-emerald-800 dark:text-emerald-300">
            The chain is intact: {result.checked.toLocaleString("en-US")} entries checked.
          </span>
        )}
        {result && !result.ok && (
          <span className="font-medium text-red-700 dark:text-red-400">
            The chain is broken at entry {result.first_broken_id}: it was changed or removed after it was written.
          </span>
        )}
      </p>
    </div>
  );
}
