ALTER TABLE task ADD COLUMN due_on DATE;
CREATE INDEX task_due ON task (due_on);
