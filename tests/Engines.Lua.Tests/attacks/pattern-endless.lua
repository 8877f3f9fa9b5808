-- expect: bad_argument could backtrack for days
-- Thirty repetitions over 5,000 characters: C code the deadline cannot stop would run for ever.
return string.find(string.rep("a", 5000), string.rep("a*", 30) .. "b")
