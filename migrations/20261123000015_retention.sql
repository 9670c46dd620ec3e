-- What is left of an application after its retention period: numbers, no person.
CREATE TABLE application_statistics (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    intake_id    bigint NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
    outcome      text NOT NULL,
    submitted_on date NOT NULL,
    purged_on    date NOT NULL
);
