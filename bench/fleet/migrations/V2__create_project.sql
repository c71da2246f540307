CREATE TABLE project (
    id BIGINT NOT NULL PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES account (id),
    name VARCHAR(200) NOT NULL
);
CREATE INDEX project_account ON project (account_id);
