tools.register({ name = "add", parameters = { type = "object", properties = { a = { type = "integer" }, b = { type = "integer" } }, required = { "a", "b" } },
  handler = function(args) return args.a + args.b end })
local ok1, missing = pcall(tools.call, "add", { a = 1 })
local ok2, wrong = pcall(tools.call, "add", { a = 1, b = "two" })
return { missing = missing.code, missing_message = missing.message, wrong = wrong.message }
