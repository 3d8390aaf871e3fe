-- Notices: one record per person for every event they should hear of, written in the same
-- transaction as the step (with its own entry in the change log). The in-app list, the e-mail
-- and the daily digest all read these records. `delivery` is the person's choice for the kind
-- when the notice was written (`app` when no mail server is configured); `mailed_at` is set
-- when a server claims the notice for its e-mail or digest, so that no two servers send it
-- (at most once: a mail that fails is given back, with `attempts` and `next_try_at` set).
CREATE TABLE notices (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    BIGINT NOT NULL REFERENCES users(id),
    change_seq BIGINT NOT NULL,
    kind       TEXT NOT NULL,
    subject    TEXT NOT NULL,
    step       TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT '',
    message    TEXT NOT NULL DEFAULT '',
    calendar   BIGINT NOT NULL DEFAULT 0,
    delivery   TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    read_at    BIGINT,
    mailed_at  BIGINT,
    attempts   BIGINT NOT NULL DEFAULT 0,
    next_try_at BIGINT NOT NULL DEFAULT 0,
    UNIQUE (user_id, change_seq)
);
CREATE INDEX notices_by_user ON notices(user_id, id);
CREATE INDEX notices_unread ON notices(user_id) WHERE read_at IS NULL;
CREATE INDEX notices_to_mail ON notices(delivery, id) WHERE mailed_at IS NULL AND delivery <> 'app';

-- How each member hears of each kind of notice; no row means e-mail at once.
CREATE TABLE notice_choices (
    user_id  BIGINT NOT NULL REFERENCES users(id),
    kind     TEXT NOT NULL,
    delivery TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
);
