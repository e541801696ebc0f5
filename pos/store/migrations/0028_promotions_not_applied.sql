-- Why a platform's promotion is not applied at the till (issue 15): Medusa's promotions
-- the shared engine cannot price as Medusa does come switched off with a reason
-- (contract ``NotApplied``: {"code", "reason", "params"} as JSON), kept so the staff see
-- what is on offer online and not here (pos/services/promotion_list.py). NULL: applied,
-- or switched off for another reason (ended, deleted).
ALTER TABLE promotions ADD COLUMN not_applied TEXT;
