-- Placeholder on branch part-m16b only, so that 0038 follows without a gap: delete this
-- file when merging (the parts working at the same time ship the real schema 0037).
SELECT 1;
