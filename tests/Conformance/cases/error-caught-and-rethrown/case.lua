local ok, err = pcall(function() error({ code = "inner", message = "first" }) end)
return { ok = ok, code = err.code, message = err.message }
