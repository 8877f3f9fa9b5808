-- One generation per iteration when durable (continue-as-new).
local halve = workflow.loop({ name = "halve", body = function(s) return { n = s.n // 2, steps = s.steps + 1 } end,
  ["until"] = function(s) return s.n <= 1 end })
return halve.run({ n = input.n, steps = 0 })
