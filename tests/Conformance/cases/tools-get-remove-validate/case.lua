tools.register({ name = "greet", description = "Greet someone",
  parameters = { type = "object", properties = { name = { type = "string" } }, required = { "name" } },
  handler = function(args) return "hi " .. args.name end })
local found = tools.get("greet")
local good = tools.validate("greet", { name = "Ada" })
local bad = tools.validate("greet", { name = 5 })
local missing = tools.validate("greet")
local removed = tools.remove("greet")
local again = tools.remove("greet")
local ok, builtin = pcall(tools.remove, "calculator")
return { found = found.name .. " (" .. found.source .. ")", unknown = tools.get("nope") == nil,
  good = good.valid, good_errors = #good.errors, bad = bad.valid, bad_error = bad.errors[1], missing = missing.errors[1],
  removed = removed, again = again, gone = tools.get("greet") == nil, builtin = builtin.code }
