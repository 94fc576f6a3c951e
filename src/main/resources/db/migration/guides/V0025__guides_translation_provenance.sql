-- Where a text came from: a translation prepared without review (imported with "provenance: unreviewed")
-- is published with a notice in its language until a mediator or an editor checks it.
ALTER TABLE guide_version ADD COLUMN unreviewed boolean NOT NULL DEFAULT false;
