-- revision: 1f0c2a7b9d31
-- down_revision:
-- branch_labels:
-- depends_on:
-- message: create account table
-- create_date: 2026-11-26 09:00:00.000000

-- migrate:upgrade
CREATE TABLE account (
    id         INTEGER PRIMARY KEY,
    email      VARCHAR(200) NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- migrate:downgrade
DROP TABLE account;
