CREATE TABLE task_comment (
    id BIGINT NOT NULL PRIMARY KEY,
    task_id BIGINT NOT NULL REFERENCES task (id),
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
