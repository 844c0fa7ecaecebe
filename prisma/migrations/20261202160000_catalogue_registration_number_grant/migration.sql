-- The app may change a catalogued product's EU database registration number (added in
-- 20261202150100) like its other editable columns: the runtime role's UPDATE grant on
-- "SupplierProduct" is per column (20261202100000_runtime_role).
GRANT UPDATE ("euDatabaseRegistrationNumber") ON "SupplierProduct" TO tillit_app;
