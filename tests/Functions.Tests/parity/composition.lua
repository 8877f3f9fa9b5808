-- Named step inputs and every step's output by name, the same in process and durably.
local report = workflow.sequential({ name = "report", result = "steps", steps = {
  { name = "topic", run = function(x) return x.topic end },
  { name = "count", run = function(t) return #t end },
  { name = "title", input = "topic", run = function(t) return string.upper(t) end },
  { name = "page", input = { "title", "count" }, run = function(p) return p.title .. " (" .. p.count .. ")" end },
} })
return report.run(input)
