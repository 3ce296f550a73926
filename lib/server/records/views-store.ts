import "server-only";

import { randomUUID } from "node:crypto";

import { and, asc, eq, or, sql } from "drizzle-orm";

import type { SavedView, ViewScope } from "@/lib/saved-views";
import type { ArchiveDb } from "@/lib/server/archive/database";

import { savedViews } from "./schema";

// Saved views. Who sees what is decided here, in the queries: a personal view exists only for its
// owner (to anyone else it is not found), a team view for everyone; the owner, or an admin for
// team views, may change it.

export type ViewActor = { email: string; admin: boolean };

/** A name already used in this scope: the unique indexes said so. */
export class ViewNameTakenError extends Error {
  constructor(scope: ViewScope) {
    super(scope === "team" ? "A team view already has this name" : "You already have a view with this name");
    this.name = "ViewNameTakenError";
  }
}

export class ViewNotFoundError extends Error {
  constructor() {
    super("There is no such view");
    this.name = "ViewNotFoundError";
  }
}

export class ViewForbiddenError extends Error {
  constructor() {
    super("Only the view's owner or an admin can change it");
    this.name = "ViewForbiddenError";
  }
}

const millis = (column: typeof savedViews.created_at) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const columns = {
  id: savedViews.id,
  name: savedViews.name,
  scope: savedViews.scope,
  search: savedViews.search,
  created_by: savedViews.owner_email,
  created_at: millis(savedViews.created_at),
  updated_at: millis(savedViews.updated_at),
};

type Row = Omit<SavedView, "can_edit" | "scope"> & { scope: string };

const canEdit = (row: Row, actor: ViewActor) => row.created_by === actor.email || (row.scope === "team" && actor.admin);
const toView = (row: Row, actor: ViewActor): SavedView => ({ ...row, scope: row.scope as ViewScope, can_edit: canEdit(row, actor) });

const visibleTo = (actor: ViewActor) =>
  or(eq(savedViews.scope, "team"), and(eq(savedViews.scope, "personal"), eq(savedViews.owner_email, actor.email)));

function isUniqueViolation(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export async function listViews(db: ArchiveDb, actor: ViewActor): Promise<SavedView[]> {
  const rows = await db.select(columns).from(savedViews).where(visibleTo(actor)).orderBy(asc(savedViews.scope), asc(savedViews.name));
  return rows.map((row) => toView(row, actor));
}

export async function createView(
  db: ArchiveDb,
  actor: ViewActor,
  view: { name: string; scope: ViewScope; search: string },
  now: Date = new Date(),
): Promise<SavedView> {
  const at = now.toISOString();
  const id = randomUUID();
  try {
    await db.insert(savedViews).values({ id, ...view, owner_email: actor.email, created_at: at, updated_at: at });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ViewNameTakenError(view.scope);
    throw error;
  }
  return (await findView(db, actor, id))!;
}

async function findView(db: ArchiveDb, actor: ViewActor, id: string): Promise<SavedView | undefined> {
  const [row] = await db.select(columns).from(savedViews).where(and(eq(savedViews.id, id), visibleTo(actor)));
  return row && toView(row, actor);
}

async function editableView(db: ArchiveDb, actor: ViewActor, id: string): Promise<SavedView> {
  const view = await findView(db, actor, id);
  if (!view) throw new ViewNotFoundError();
  if (!view.can_edit) throw new ViewForbiddenError();
  return view;
}

export async function renameView(db: ArchiveDb, actor: ViewActor, id: string, name: string, now: Date = new Date()): Promise<SavedView> {
  const view = await editableView(db, actor, id);
  try {
    await db.update(savedViews).set({ name, updated_at: now.toISOString() }).where(eq(savedViews.id, id));
  } catch (error) {
    if (isUniqueViolation(error)) throw new ViewNameTakenError(view.scope);
    throw error;
  }
  return (await findView(db, actor, id))!;
}

/** Deletes the view and returns it as it was. */
export async function deleteView(db: ArchiveDb, actor: ViewActor, id: string): Promise<SavedView> {
  const view = await editableView(db, actor, id);
  await db.delete(savedViews).where(eq(savedViews.id, id));
  return view;
}
