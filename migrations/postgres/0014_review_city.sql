-- The city of the reviewer's organisation when a review was taken, changes were requested or
-- publication recommended: "a member from another city" is decided at each step and kept.
ALTER TABLE practice_events ADD COLUMN reviewer_city_id BIGINT REFERENCES cities(id) ON DELETE SET NULL;
