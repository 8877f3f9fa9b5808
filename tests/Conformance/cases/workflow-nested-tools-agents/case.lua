agent.create({ name = "echoer", model = "mock/echo" })
local inner = workflow.parallel({ name = "inner", steps = {
  { name = "sum", tool = "calculator", args = { expression = "2 + 3" } },
  { name = "shout", run = function(x) return string.upper(x.text) end } }, merge = "map" })
local outer = workflow.sequential({ name = "outer", steps = {
  function(text) return { text = text } end,
  inner,
  function(r) return r.shout .. " " .. r.sum end,
  { agent = "echoer" } } })
return outer.run("hi")
