-- expect: runtime_error cut at 16384
-- An error message is cut to its limit, saying how long it was.
error(string.rep("x", 8 * 1024 * 1024))
