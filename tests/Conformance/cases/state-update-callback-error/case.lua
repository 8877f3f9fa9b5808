local ok, err = pcall(state.update, "k", function() error("no update today") end)
return { ok = ok, code = err.code, message = err.message, unchanged = state.get("k") == nil }
