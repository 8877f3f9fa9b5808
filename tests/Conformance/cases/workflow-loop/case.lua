local count = workflow.loop({ name = "count", body = function(n) return n + 1 end, ["until"] = function(n) return n >= 5 end })
local halve = workflow.loop({ name = "halve", body = function(s) return { n = s.n // 2, done = s.n // 2 <= 1 } end })
local forever = workflow.loop({ name = "forever", body = function(n) return n + 1 end, max_iterations = 3 })
local ok, err = pcall(forever.run, 0)
return { count.run(0), halve.run({ n = 100 }).n, ok, err.code, err.message }
