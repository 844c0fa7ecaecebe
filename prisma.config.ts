// Prisma CLI configuration. Only `prisma generate` is used in this project:
// migrations are applied by server/db/migrate.ts (see README, "Migrations").
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/tillit" },
});
