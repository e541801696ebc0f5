-- Placeholder on branch part-a only, so that 0030 follows without a gap: delete this
-- file when merging (part S / part O ship the real schema 0029).
SELECT 1;
