CREATE TABLE plan (
    code VARCHAR(20) NOT NULL PRIMARY KEY,
    seats INT NOT NULL
);
INSERT INTO plan (code, seats) VALUES ('free', 1);
INSERT INTO plan (code, seats) VALUES ('team', 10);
INSERT INTO plan (code, seats) VALUES ('business', 100);
