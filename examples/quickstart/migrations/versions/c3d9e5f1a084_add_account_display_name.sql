-- revision: c3d9e5f1a084
-- down_revision: 5b8e41c07a62
-- branch_labels:
-- depends_on:
-- message: add account display name
-- create_date: 2026-11-26 09:20:00.000000

-- migrate:upgrade
ALTER TABLE account ADD COLUMN display_name VARCHAR(100);

-- SQLite before 3.35 cannot drop a column; the generic downgrade below needs 3.35 or newer, which the
-- bundled sqlite-jdbc driver has.
-- migrate:downgrade
ALTER TABLE account DROP COLUMN display_name;
