-- Confidant on PostgreSQL: a schema owner that only runs migrations, and a least-privilege application role.
-- Run once per database as a superuser (or a role with CREATEROLE that can create schemas), e.g.
--   psql -d confidant -v owner_role=confidant_owner -v app_role=confidant_app -v schema=confidant \
--        -f deploy/postgresql-roles.sql
-- then give both roles passwords (psql: \password confidant_owner) and hand them to Payara as secrets
-- (CONFIDANT_DB_OWNER_PASSWORD, CONFIDANT_DB_PASSWORD). The integration tests run this same file.
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', :'owner_role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner_role') \gexec
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', :'app_role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_role') \gexec

-- The owner creates and alters every table (Flyway, through jdbc/confidant-owner); nobody else can create objects.
CREATE SCHEMA IF NOT EXISTS :"schema" AUTHORIZATION :"owner_role";
REVOKE ALL ON SCHEMA :"schema" FROM PUBLIC;
GRANT USAGE ON SCHEMA :"schema" TO :"app_role";

-- The application reads and writes rows of the owner's tables, and nothing more: no DDL, no TRUNCATE.
-- Append-only tables (the audit trail) take UPDATE and DELETE back in their own migration.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner_role" IN SCHEMA :"schema"
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner_role" IN SCHEMA :"schema"
  GRANT USAGE, SELECT ON SEQUENCES TO :"app_role";

ALTER ROLE :"owner_role" IN DATABASE :"DBNAME" SET search_path = :"schema";
ALTER ROLE :"app_role" IN DATABASE :"DBNAME" SET search_path = :"schema";
