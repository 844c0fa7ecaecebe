-- Open data: the daily file of everything published (CSV and JSON Lines), stored in the
-- database in chunks so that every app instance serves the same file. Not tenant tables:
-- they hold only what the public views (owned by tillit_public_reader) return, i.e. data
-- that is already public.

-- CreateTable
CREATE TABLE "OpenDataDump" (
    "day" DATE NOT NULL,
    "format" TEXT NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),
    "recordCount" INTEGER NOT NULL DEFAULT 0,
    "byteCount" BIGINT NOT NULL DEFAULT 0,
    "sha256" TEXT,

    CONSTRAINT "OpenDataDump_pkey" PRIMARY KEY ("day","format")
);

-- CreateTable
CREATE TABLE "OpenDataDumpChunk" (
    "day" DATE NOT NULL,
    "format" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "OpenDataDumpChunk_pkey" PRIMARY KEY ("day","format","seq")
);

-- AddForeignKey
ALTER TABLE "OpenDataDumpChunk" ADD CONSTRAINT "OpenDataDumpChunk_day_format_fkey" FOREIGN KEY ("day", "format") REFERENCES "OpenDataDump"("day", "format") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE, DELETE ON "OpenDataDump", "OpenDataDumpChunk" TO tillit_app;
