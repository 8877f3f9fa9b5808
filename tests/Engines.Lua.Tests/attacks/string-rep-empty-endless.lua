-- expect: result 0
-- math.maxinteger copies of nothing is a C loop no hook can stop; it returns at once.
return #string.rep("", math.maxinteger)
