CREATE TABLE label (
    id BIGINT NOT NULL PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES project (id),
    name VARCHAR(50) NOT NULL
);
CREATE UNIQUE INDEX label_project_name ON label (project_id, name);
