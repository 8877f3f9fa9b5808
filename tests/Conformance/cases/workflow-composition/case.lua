-- A step takes named earlier steps' outputs as its input, and result = "steps" gives every step's
-- output by name beside the workflow's output.
local wf = workflow.sequential({ name = "report", result = "steps", steps = {
  { name = "topic", run = function(x) return x.topic end },
  { name = "draft", run = function(t) return llm.complete("draft " .. t) end },
  { name = "title", input = "topic", run = function(t) return string.upper(t) end },
  { name = "page", input = { "title", "draft" }, run = function(p) return p.title .. ": " .. p.draft end },
} })
local ok, bad = pcall(workflow.sequential, { name = "bad", steps = {
  { name = "a", run = function(x) return x end }, { name = "b", input = "later", run = function(x) return x end } } })
return { run = wf.run({ topic = "tides" }), bad = bad.message }
