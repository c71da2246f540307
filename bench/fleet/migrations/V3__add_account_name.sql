ALTER TABLE account ADD COLUMN display_name VARCHAR(200);
