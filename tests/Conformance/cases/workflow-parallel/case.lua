local function double(x) return x * 2 end
local function square(x) return x * x end
local as_list = workflow.parallel({ name = "list", steps = { double, square, { name = "neg", run = function(x) return -x end } }, max_concurrency = 2 })
local as_map = workflow.parallel({ name = "map", steps = { { name = "double", run = double }, { name = "square", run = square } }, merge = "map" })
return { list = as_list.run(5), map = as_map.run(5) }
