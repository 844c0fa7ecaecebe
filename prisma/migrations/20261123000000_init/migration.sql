-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('CENTRAL_AGENCY', 'MUNICIPALITY', 'REGION', 'OTHER_PUBLIC');

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('GENERAL_PUBLIC_SERVICES', 'JUSTICE_AND_SECURITY', 'DEFENCE_AND_CRISIS_PREPAREDNESS', 'ECONOMY_AND_FINANCE', 'TAX_AND_CUSTOMS', 'SOCIAL_INSURANCE_AND_WELFARE', 'HEALTH_AND_CARE', 'EDUCATION_AND_RESEARCH', 'LABOUR_MARKET', 'MIGRATION', 'INFRASTRUCTURE_AND_TRANSPORT', 'ENVIRONMENT_AND_ENERGY', 'CULTURE_AND_LEISURE', 'BUSINESS_AND_AGRICULTURE', 'HOUSING_AND_PLANNING', 'DIGITAL_GOVERNMENT');

-- CreateEnum
CREATE TYPE "OrganisationRole" AS ENUM ('ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER');

-- CreateEnum
CREATE TYPE "PlatformRole" AS ENUM ('PLATFORM_ADMIN', 'OVERSIGHT');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organisationNumber" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "sector" "Sector" NOT NULL,
    "contactEmail" TEXT,
    "websiteUrl" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "platformRole" "PlatformRole",
    "locale" TEXT NOT NULL DEFAULT 'sv',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "organisationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "OrganisationRole" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("organisationId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_organisationNumber_key" ON "Organisation"("organisationNumber");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_organisationId_role_idx" ON "Membership"("organisationId", "role");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
