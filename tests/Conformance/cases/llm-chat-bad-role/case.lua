local ok, err = pcall(llm.chat, { { role = "robot", content = "beep" } })
return { ok = ok, code = err.code, message = err.message }
