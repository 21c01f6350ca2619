-- Two database users for Traguardo on MySQL or MariaDB (README, "Database users").
-- Run once as an administrator, after replacing the passwords (and '%' by the servers' hosts).
--
-- The server's user reads and writes rows and nothing more: no DROP, TRUNCATE, ALTER, CREATE,
-- INDEX or TRIGGER, so it can neither empty the append-only tables (TRUNCATE fires no trigger)
-- nor drop the triggers that keep them append-only. Migrations run as the other user, with
-- `npm run migrate`, before the server starts on a new version.

CREATE DATABASE IF NOT EXISTS traguardo CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE USER IF NOT EXISTS 'traguardo_migrator'@'%' IDENTIFIED BY 'change-me-migrator';
-- The schema's owner. The triggers it creates run with its privileges (their DEFINER): keep the
-- user. With binary logging on, creating triggers also needs log_bin_trust_function_creators = 1.
GRANT ALL PRIVILEGES ON traguardo.* TO 'traguardo_migrator'@'%';

CREATE USER IF NOT EXISTS 'traguardo_app'@'%' IDENTIFIED BY 'change-me-app';
-- DELETE stays for the tables that are not append-only (leases, collaborators); the triggers
-- refuse it on the append-only ones, which the server's user cannot drop.
GRANT SELECT, INSERT, UPDATE, DELETE ON traguardo.* TO 'traguardo_app'@'%';
