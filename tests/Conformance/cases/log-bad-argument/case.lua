local ok, err = pcall(log.info, 123)
return { ok = ok, code = err.code, message = err.message }
