"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";

import { apiRequest } from "@/lib/api-request";
import { savedViewListSchema, savedViewSchema, VIEWS_ENDPOINT, VIEWS_QUERY_KEY, type ViewScope } from "@/lib/saved-views";

// The saved views as the browser holds them: one query, and the writes that refresh it.

export function useViews(enabled = true) {
  return useQuery({
    queryKey: VIEWS_QUERY_KEY,
    queryFn: ({ signal }) => apiRequest(VIEWS_ENDPOINT, savedViewListSchema, { signal }).then((list) => list.results),
    enabled,
    staleTime: 30_000,
  });
}

export function useViewWrites() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: VIEWS_QUERY_KEY });
  const viewPath = (id: string) => `${VIEWS_ENDPOINT}/${encodeURIComponent(id)}`;
  return {
    save: useMutation({
      mutationFn: (view: { name: string; scope: ViewScope; search: string }) =>
        apiRequest(VIEWS_ENDPOINT, savedViewSchema, { method: "POST", body: view }),
      onSuccess: refresh,
    }),
    rename: useMutation({
      mutationFn: ({ id, name }: { id: string; name: string }) => apiRequest(viewPath(id), savedViewSchema, { method: "PATCH", body: { name } }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => apiRequest(viewPath(id), z.undefined(), { method: "DELETE" }),
      onSuccess: refresh,
    }),
  };
}
