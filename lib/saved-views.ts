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

/** One view as the API answers it. */
export type SavedView = {
  id: string;
  name: string;
  scope: ViewScope;
  /** The explorer's canonical query string, without "?": open `/?${search}`. */
  search: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** Whether the signed-in user may rename or delete it (the owner, or an admin for team views). */
  can_edit: boolean;
};

export type SavedViewList = { results: SavedView[] };
