local function fail(f) local ok, e = pcall(f) return e end
local get = fail(function() return http.get("https://example.com/") end)
local post = fail(function() return http.post("https://example.com/", { a = 1 }) end)
local request = fail(function() return http.request({ url = "file:///etc/passwd" }) end)
local option = fail(function() return http.request({ url = "https://example.com/", verb = "GET" }) end)
return { get = get.message, post = post.code, request = request.message, option = option.message }
