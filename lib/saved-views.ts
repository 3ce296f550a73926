import { z } from "zod";

// Saved views (GET/POST /api/views, PATCH/DELETE /api/views/{id}): named explorer filters, personal
// or shared with the team. Shared by the routes and the "Save view" / "Views" menus.

export const VIEW_SCOPES = ["personal", "team"] as const;
export type ViewScope = (typeof VIEW_SCOPES)[number];

export const VIEW_NAME_MAX = 80;

export const viewNameSchema = z
  .string({ message: "A view needs a name" })
  .trim()
  .min(1, "A view needs a name")
  .max(VIEW_NAME_MAX, `A view's name has at most ${VIEW_NAME_MAX} characters`);

export const newViewSchema = z.object({
  name: viewNameSchema,
  scope: z.enum(VIEW_SCOPES, { message: "The scope is personal or team" }),
  /** The explorer's query string; the server keeps only its canonical form (lib/explorer-url.ts). */
  search: z.string({ message: "A view needs the explorer's filters" }).max(4000, "These filters are too long to save"),
});

export const renameViewSchema = z.object({ name: viewNameSchema });



export const savedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(VIEW_SCOPES),
  search: z.string(),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  can_edit: z.boolean(),
});

export const savedViewListSchema = z.object({ results: z.array(savedViewSchema) });

export const VIEWS_ENDPOINT = "/api/views";
export const VIEWS_QUERY_KEY = ["views"] as const;

/** One view as the API answers it; `can_edit`: the owner, or an admin for a team view. */
export type SavedView = z.infer<typeof savedViewSchema>;
export type SavedViewList = z.infer<typeof savedViewListSchema>;
