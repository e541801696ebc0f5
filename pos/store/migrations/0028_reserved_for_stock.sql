-- Schema 28: reserved for issue 16's stock part (part S), which ships its own 0028. This
-- placeholder only keeps 1..N without a gap on the branch that adds 0029; it changes
-- nothing and is to be dropped when part S's 0028 is merged.
SELECT 1;
