local ok, err = pcall(time.sleep, -5)
return { ok = ok, code = err.code }
