local ok, err = pcall(llm.complete, "x", { max_token = 5 })
return { ok = ok, code = err.code, message = err.message }
