-- Serving needs a tool server (llmspell mcp serve --spell); a plain run has none and says so.
local ok, err = pcall(function() return tools.serve() end)
return { ok = ok, code = err.code, hint = err.message:find("mcp serve --spell", 1, true) ~= nil }
