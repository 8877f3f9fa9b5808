-- expect: bad_argument does not match its pattern
-- A backtracking engine takes exponential time on this pattern and input; schemas match in linear time.
tools.register({ name = "probe", description = "x", handler = function(a) return 1 end,
  parameters = { type = "object", properties = { s = { type = "string", pattern = "^(a+)+$" } } } })
return tools.call("probe", { s = string.rep("a", 20000) .. "!" })
