-- expect: timeout
-- limits: timeout_ms=300 grace_ms=300
return string.find(string.rep("a", 28), string.rep("a*", 9) .. "b")
