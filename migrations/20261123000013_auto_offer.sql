-- An intake may pass a freed place to the first on its waiting list by itself.
ALTER TABLE intakes ADD COLUMN auto_offer boolean NOT NULL DEFAULT false;
