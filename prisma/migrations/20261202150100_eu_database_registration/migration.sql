-- EU database registration (AI Act Art. 49(3), Annex VIII section C): the deployer's
-- postal address, and the provider's registration number of a catalogued AI system.

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN "postalAddress" TEXT;

-- AlterTable
ALTER TABLE "SupplierProduct" ADD COLUMN "euDatabaseRegistrationNumber" TEXT;
