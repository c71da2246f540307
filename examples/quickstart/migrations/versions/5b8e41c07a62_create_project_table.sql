-- revision: 5b8e41c07a62
-- down_revision: 1f0c2a7b9d31
-- branch_labels:
-- depends_on:
-- message: create project table
-- create_date: 2026-11-26 09:10:00.000000

-- migrate:upgrade
CREATE TABLE project (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account (id),
    name       VARCHAR(100) NOT NULL
);
CREATE INDEX project_account_idx ON project (account_id);

-- migrate:downgrade
-- Dropping the table drops its index on every database.
DROP TABLE project;
