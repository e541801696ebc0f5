-- Placeholder on branch part-d only, so that 0031 follows without a gap: delete this
-- file when merging (part A ships the real schema 0030).
SELECT 1;
