-- Updating a key from inside its own update function can never succeed; it must fail at once
-- (not wait for itself until the timeout), and the outer update then fails with it.
local inner_code
local ok, err = pcall(state.update, "k", function(old)
  local ok2, err2 = pcall(state.update, "k", function(o) return 1 end)
  inner_code = err2.code
  error(err2)
end)
return { ok = ok, inner = inner_code, outer = err.code, other = state.update("other", function(o) return state.update("third", function(t) return 3 end) + 1 end), unchanged = state.get("k") == nil }
