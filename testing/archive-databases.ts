import { randomUUID } from "node:crypto";

import pg from "pg";

import type { ArchiveTarget } from "@/lib/server/archive/database";

// The databases the archive's tests run on: PGlite in memory always, and a PostgreSQL server when
// TEST_DATABASE_URL is set (checked once per run by testing/vitest-global-setup.ts). Each test
// gets a database of its own and drops it afterwards.

export type TestDatabase = { target: ArchiveTarget; drop(): Promise<void> };
export type TestDatabaseKind = { name: "PGlite" | "PostgreSQL"; create(): Promise<TestDatabase> };

const pglite: TestDatabaseKind = {
  name: "PGlite",
  create: async () => ({ target: { kind: "embedded" }, drop: async () => {} }),
};

/** Databases of their own on the PostgreSQL server at `serverUrl`, named `<prefix>_<uuid>` (also the bench's). */
export function postgres(serverUrl: string, prefix = "archive_test"): TestDatabaseKind {
  const admin = async <T>(work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: "PostgreSQL",
    async create() {
      const name = `${prefix}_${randomUUID().replaceAll("-", "")}`;
      await admin((client) => client.query(`create database ${name}`));
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return {
        target: { kind: "server", url: url.toString() },
        drop: () => admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {}),
      };
    },
  };
}

/** PGlite, and PostgreSQL when TEST_DATABASE_URL names a server. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [pglite, postgres(url)] : [pglite];
}

/** Only the PostgreSQL server (for what only a shared server can show), or none when unset. */
export function serverDatabaseKinds(): TestDatabaseKind[] {
  return testDatabaseKinds().filter((kind) => kind.name === "PostgreSQL");
}
