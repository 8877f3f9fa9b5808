local ok1, host = pcall(tools.call, "http_request", { url = "https://example.com/" })
local ok2, scheme = pcall(tools.call, "http_request", { url = "file:///etc/passwd" })
return { host = host.message, scheme = scheme.code }
