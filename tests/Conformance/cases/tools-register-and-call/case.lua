tools.register({
  name = "greet", description = "Greet someone",
  parameters = { type = "object", properties = { name = { type = "string" }, times = { type = "integer" } }, required = { "name" } },
  handler = function(args) return string.rep("hi " .. args.name .. "! ", args.times or 1) end,
})
return { once = tools.call("greet", { name = "Ada" }), twice = tools.call("greet", { name = "Bo", times = 2 }) }
