import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSchemaDrift } from "@/server/db/drift";
import { createTestDatabase, type TestDatabase } from "../../support/database";

const schemaText = readFileSync(path.join(process.cwd(), "prisma/schema.prisma"), "utf8");

async function execute(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Schema text with one exact piece of text replaced; fails loudly if the text is gone. */
function editSchema(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === "string" ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`the schema no longer contains ${String(from)}`);
  return text.replace(from, to);
}

/** Like editSchema, but only inside `model <name> { ... }` or `enum <name> { ... }`. */
function editBlock(text: string, block: string, from: string | RegExp, to: string): string {
  const match = new RegExp(`^(?:model|enum) ${block} \\{[\\s\\S]*?^\\}`, "m").exec(text);
  if (!match) throw new Error(`schema.prisma no longer has ${block}`);
  return text.replace(match[0], editSchema(match[0], from, to));
}

describe("the real schema.prisma and the real migrations", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());

  const drift = (text: string) => findSchemaDrift({ schemaText: text, connectionString: db.url });

  it("agree", async () => {
    expect(await drift(schemaText)).toEqual([]);
  });

  it("catch a column that schema.prisma adds", async () => {
    const edited = editBlock(schemaText, "Organisation", "\n}", "\n  logoUrl String?\n}");
    expect(await drift(edited)).toEqual([`column "Organisation"."logoUrl" is in schema.prisma but not in the database`]);
  });

  it("catch a changed nullability", async () => {
    const edited = editBlock(schemaText, "Organisation", /^ {2}name +String$/m, "  name String?");
    expect(await drift(edited)).toEqual([
      `column "Organisation"."name" is NOT NULL in the database but optional in schema.prisma`,
    ]);
  });

  it("catch an index that schema.prisma adds", async () => {
    const edited = editBlock(schemaText, "Membership", "\n}", "\n  @@index([organisationId, createdAt(sort: Desc)])\n}");
    expect(await drift(edited)).toEqual([
      `index "Membership_organisationId_createdAt_idx" ("organisationId", "createdAt" DESC) on "Membership" is in schema.prisma but not in the database`,
    ]);
  });

  it("catch changed types, defaults, enum values, referential actions and index kinds", async () => {
    let edited = editBlock(schemaText, "OrganisationRole", "  VIEWER\n", "  VIEWER\n  AUDITOR\n");
    edited = editBlock(edited, "User", `@default("sv")`, `@default("en") @db.VarChar(5)`);
    edited = editBlock(edited, "Membership", "references: [id], onDelete: Cascade)\n  user", "references: [id])\n  user");
    edited = editBlock(edited, "Membership", "  @@index([userId])", "  @@unique([userId])");
    expect(await drift(edited)).toEqual([
      `enum "OrganisationRole" has values (ADMIN, EDITOR, REVIEWER, VIEWER) in the database but (ADMIN, EDITOR, REVIEWER, VIEWER, AUDITOR) in schema.prisma`,
      `index "Membership_userId_key" UNIQUE ("userId") on "Membership" is in schema.prisma but not in the database`,
      `index "Membership_userId_idx" ("userId") on "Membership" is in the database but not in schema.prisma`,
      `foreign key "Membership"("organisationId") → "Organisation"("id") has ON DELETE CASCADE ON UPDATE CASCADE in the database but ON DELETE RESTRICT ON UPDATE CASCADE in schema.prisma`,
      `column "User"."locale" has type text in the database but character varying(5) in schema.prisma`,
      `column "User"."locale" has default 'sv'::text in the database but default 'en' in schema.prisma`,
    ]);
  });

  it("catch what a migration did that schema.prisma does not say", async () => {
    await execute(
      db.url,
      `ALTER TABLE "User" ADD COLUMN "nickname" TEXT;
       ALTER TABLE "Organisation" ALTER COLUMN "version" SET DEFAULT 2;
       CREATE INDEX "User_name_idx" ON "User"("name");
       CREATE TABLE "Stray" ("id" INTEGER PRIMARY KEY);`,
    );
    try {
      expect(await drift(schemaText)).toEqual([
        `column "Organisation"."version" has default 2 in the database but default 1 in schema.prisma`,
        `table "Stray" is in the database but not in schema.prisma`,
        `column "User"."nickname" is in the database but not in schema.prisma`,
        `index "User_name_idx" ("name") on "User" is in the database but not in schema.prisma`,
      ]);
    } finally {
      await execute(
        db.url,
        `ALTER TABLE "User" DROP COLUMN "nickname";
         ALTER TABLE "Organisation" ALTER COLUMN "version" SET DEFAULT 1;
         DROP INDEX "User_name_idx";
         DROP TABLE "Stray";`,
      );
    }
  });

  it("ignore what Prisma cannot express: policies, grants, triggers, checks, functions, expression and manual_ indexes", async () => {
    await execute(
      db.url,
      `ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
       ALTER TABLE "Membership" FORCE ROW LEVEL SECURITY;
       CREATE POLICY "membership_isolation" ON "Membership"
         USING ("organisationId" = current_setting('app.organisation_id', true)::uuid);
       GRANT SELECT ON "Membership" TO PUBLIC;
       CREATE FUNCTION "touch"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW."version" := NEW."version" + 1; RETURN NEW; END $$;
       CREATE TRIGGER "membership_touch" BEFORE UPDATE ON "Membership" FOR EACH ROW EXECUTE FUNCTION "touch"();
       ALTER TABLE "Organisation" ADD CONSTRAINT "organisation_slug_format" CHECK ("slug" ~ '^[a-z0-9-]+$');
       CREATE INDEX "Organisation_name_search" ON "Organisation" USING gin (to_tsvector('simple', "name"));
       CREATE INDEX "Organisation_active" ON "Organisation"("slug") WHERE "version" > 0;
       CREATE INDEX "manual_user_name" ON "User"("name");`,
    );
    expect(await drift(schemaText)).toEqual([]);
  });
});

/**
 * Every Prisma type, native type and default kind we map, composite and mapped keys,
 * sort orders, GIN, referential actions, an implicit many-to-many table and names
 * truncated at 63 bytes: the SQL is what Prisma's own engine generated for this schema
 * (/tmp/p6/draft.sh --empty), so no drift means our reading agrees with Prisma's.
 */
const COVERAGE_SCHEMA = `datasource db {
  provider = "postgresql"
}

enum Colour {
  RED
  GREEN @map("green")

  @@map("colour")
}

model Sample {
  id        Int       @id @default(autoincrement())
  big       BigInt    @default(-5)
  flag      Boolean   @default(true)
  ratio     Float     @default(1.5)
  real      Float     @db.Real
  amount    Decimal   @default(0)
  price     Decimal   @db.Decimal(10, 2)
  title     String    @default("it's")
  code      String    @db.VarChar(20)
  letter    String    @db.Char(2)
  token     String    @default(uuid()) @db.Uuid
  created   DateTime  @default(now())
  stamp     DateTime? @db.Timestamptz
  day       DateTime  @db.Date
  time      DateTime? @db.Time(0)
  fixedDate DateTime  @default("2024-01-02T03:04:05Z")
  doc       Json      @default("{}")
  doc2      Json?     @db.Json
  blob      Bytes?
  tags      String[]
  nums      Int[]     @default([1, 2])
  colours   Colour[]
  colour    Colour    @default(GREEN)
  small     Int       @db.SmallInt
  search    Unsupported("tsvector")?
  renamed   String    @map("renamed_col")
  ownerId   Int?
  partnerA  Int
  partnerB  Int
  expr      String    @default(dbgenerated("lower('ABC'::text)"))

  owner   Owner?  @relation(fields: [ownerId], references: [id])
  partner Partner @relation(fields: [partnerA, partnerB], references: [a, b], onDelete: NoAction, onUpdate: SetNull, map: "sample_partner_fk")

  @@unique([code, letter], map: "sample_code_letter_uq")
  @@unique([title(sort: Desc)])
  @@index([created(sort: Desc), id])
  @@index([doc], type: Gin)
  @@index([search], type: Gin)
  @@map("samples")
}

model Owner {
  id      Int      @id(map: "owner_pk")
  email   String   @unique(map: "owner_email_uq")
  samples Sample[]
  tags    Tag[]
}

model Partner {
  a       Int
  b       Int
  samples Sample[]

  @@id([a, b], map: "partner_pk")
}

model Tag {
  slug   String  @id
  owners Owner[]
}

model ModelWithAVeryLongNameThatFillsUpPostgresIdentifierLimitOf63 {
  id                      Int @id
  aFairlyLongUniqueColumn Int @unique
}
`;

const COVERAGE_SQL = `-- CreateEnum
CREATE TYPE "colour" AS ENUM ('RED', 'green');

-- CreateTable
CREATE TABLE "samples" (
    "id" SERIAL NOT NULL,
    "big" BIGINT NOT NULL DEFAULT -5,
    "flag" BOOLEAN NOT NULL DEFAULT true,
    "ratio" DOUBLE PRECISION NOT NULL DEFAULT 1.5,
    "real" REAL NOT NULL,
    "amount" DECIMAL(65,30) NOT NULL DEFAULT 0,
    "price" DECIMAL(10,2) NOT NULL,
    "title" TEXT NOT NULL DEFAULT 'it''s',
    "code" VARCHAR(20) NOT NULL,
    "letter" CHAR(2) NOT NULL,
    "token" UUID NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stamp" TIMESTAMPTZ,
    "day" DATE NOT NULL,
    "time" TIME(0),
    "fixedDate" TIMESTAMP(3) NOT NULL DEFAULT '2024-01-02 03:04:05 +00:00',
    "doc" JSONB NOT NULL DEFAULT '{}',
    "doc2" JSON,
    "blob" BYTEA,
    "tags" TEXT[],
    "nums" INTEGER[] DEFAULT ARRAY[1, 2]::INTEGER[],
    "colours" "colour"[],
    "colour" "colour" NOT NULL DEFAULT 'green',
    "small" SMALLINT NOT NULL,
    "search" tsvector,
    "renamed_col" TEXT NOT NULL,
    "ownerId" INTEGER,
    "partnerA" INTEGER NOT NULL,
    "partnerB" INTEGER NOT NULL,
    "expr" TEXT NOT NULL DEFAULT lower('ABC'::text),

    CONSTRAINT "samples_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Owner" (
    "id" INTEGER NOT NULL,
    "email" TEXT NOT NULL,

    CONSTRAINT "owner_pk" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partner" (
    "a" INTEGER NOT NULL,
    "b" INTEGER NOT NULL,

    CONSTRAINT "partner_pk" PRIMARY KEY ("a","b")
);

-- CreateTable
CREATE TABLE "Tag" (
    "slug" TEXT NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "ModelWithAVeryLongNameThatFillsUpPostgresIdentifierLimitOf63" (
    "id" INTEGER NOT NULL,
    "aFairlyLongUniqueColumn" INTEGER NOT NULL,

    CONSTRAINT "ModelWithAVeryLongNameThatFillsUpPostgresIdentifierLimitOf_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_OwnerToTag" (
    "A" INTEGER NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_OwnerToTag_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "samples_created_id_idx" ON "samples"("created" DESC, "id");

-- CreateIndex
CREATE INDEX "samples_doc_idx" ON "samples" USING GIN ("doc");

-- CreateIndex
CREATE INDEX "samples_search_idx" ON "samples" USING GIN ("search");

-- CreateIndex
CREATE UNIQUE INDEX "sample_code_letter_uq" ON "samples"("code", "letter");

-- CreateIndex
CREATE UNIQUE INDEX "samples_title_key" ON "samples"("title" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "owner_email_uq" ON "Owner"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ModelWithAVeryLongNameThatFillsUpPostgresIdentifierLimitOf6_key" ON "ModelWithAVeryLongNameThatFillsUpPostgresIdentifierLimitOf63"("aFairlyLongUniqueColumn");

-- CreateIndex
CREATE INDEX "_OwnerToTag_B_index" ON "_OwnerToTag"("B");

-- AddForeignKey
ALTER TABLE "samples" ADD CONSTRAINT "samples_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Owner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "samples" ADD CONSTRAINT "sample_partner_fk" FOREIGN KEY ("partnerA", "partnerB") REFERENCES "Partner"("a", "b") ON DELETE NO ACTION ON UPDATE SET NULL;

-- AddForeignKey
ALTER TABLE "_OwnerToTag" ADD CONSTRAINT "_OwnerToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "Owner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OwnerToTag" ADD CONSTRAINT "_OwnerToTag_B_fkey" FOREIGN KEY ("B") REFERENCES "Tag"("slug") ON DELETE CASCADE ON UPDATE CASCADE;
`;

describe("a schema covering every mapping, against the SQL Prisma generates for it", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    await execute(db.url, COVERAGE_SQL);
  });
  afterAll(() => db?.close());

  const drift = (text: string) => findSchemaDrift({ schemaText: text, connectionString: db.url });

  it("shows no drift", async () => {
    expect(await drift(COVERAGE_SCHEMA)).toEqual([]);
  });

  it("catches a changed native type, a changed literal default and a changed index name", async () => {
    let edited = editSchema(COVERAGE_SCHEMA, "@db.VarChar(20)", "@db.VarChar(30)");
    edited = editSchema(edited, "@default(-5)", "@default(5)");
    edited = editSchema(edited, `map: "owner_email_uq"`, `map: "owner_email_unique"`);
    expect(await drift(edited)).toEqual([
      `index UNIQUE ("email") on "Owner" is named "owner_email_uq" in the database but "owner_email_unique" in schema.prisma`,
      `column "samples"."big" has default '-5'::integer in the database but default 5 in schema.prisma`,
      `column "samples"."code" has type character varying(20) in the database but character varying(30) in schema.prisma`,
    ]);
  });
});
