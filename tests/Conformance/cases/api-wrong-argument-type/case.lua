local ok, err = pcall(llm.complete, 42)
return { ok = ok, code = err.code, message = err.message }
