CREATE TABLE task (
    id BIGINT NOT NULL PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES project (id),
    title VARCHAR(500) NOT NULL,
    done BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX task_project ON task (project_id);
