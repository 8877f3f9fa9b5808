tools.call("file_write", { path = "notes/a.txt", content = "first" })
tools.call("file_write", { path = "notes/a.txt", content = " second", append = true })
tools.call("file_write", { path = "b.txt", content = "bee" })
local ok1, escape = pcall(tools.call, "file_read", { path = "../../etc/passwd" })
local ok2, absolute = pcall(tools.call, "file_write", { path = "/tmp/pwned", content = "x" })
local ok3, missing = pcall(tools.call, "file_read", { path = "nope.txt" })
return { text = tools.call("file_read", { path = "notes/a.txt" }), files = tools.call("file_list", {}),
  escape = escape.message, absolute = absolute.code, missing = missing.code }
