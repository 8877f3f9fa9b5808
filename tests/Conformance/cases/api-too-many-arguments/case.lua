local ok, err = pcall(json.decode, "1", "2")
return { ok = ok, code = err.code, message = err.message }
