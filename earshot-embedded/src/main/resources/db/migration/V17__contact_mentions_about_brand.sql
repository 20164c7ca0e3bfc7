-- Whether a contact's mention speaks of your brand (a project's brand topic, or a reply in one of your cases'
-- threads): only those decide whether a person is an advocate or a detractor. What was stored before counts, as it
-- did. V16 is left to the sessions migration of the web app's branch.
ALTER TABLE contact_mentions ADD COLUMN about_brand INTEGER NOT NULL DEFAULT 1;
