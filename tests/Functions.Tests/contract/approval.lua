return workflow.sequential({ name = "approval", steps = {
  function(x) return "asked " .. (x.who or "someone") end,
  { name = "wait", event = "approve", timeout_ms = 600000 },
  function(decision) return "approved by " .. decision.by end } }).run(input)
