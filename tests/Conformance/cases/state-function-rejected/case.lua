local ok, err = pcall(state.set, "k", function() end)
return { ok = ok, code = err.code }
