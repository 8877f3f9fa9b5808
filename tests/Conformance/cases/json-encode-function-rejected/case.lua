local ok, err = pcall(json.encode, { f = function() end })
return { ok = ok, code = err.code }
