ALTER TABLE account ADD COLUMN plan_code VARCHAR(20) NOT NULL DEFAULT 'free';
CREATE INDEX account_plan ON account (plan_code);
