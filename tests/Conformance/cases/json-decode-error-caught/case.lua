local ok, err = pcall(json.decode, "{bad")
return { ok = ok, code = err.code, mentions_position = string.find(err.message, "line 1, column 2", 1, true) ~= nil }
