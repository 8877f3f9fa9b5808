local function greet(name) return "hello " .. name end
local approval = workflow.sequential({ name = "approval", steps = {
  greet,
  { name = "wait", event = "approve", timeout_ms = 60000 },
  function(decision) return "decided by " .. decision.by end } })
local id = workflow.start(approval, "ada", { id = "approval-1" })
workflow.raise(id, "approve", { by = "grace" })
local done = workflow.wait(id)
local again = workflow.status(id)
return { id = id, status = done.status, output = done.output, name = done.name, steps = done.progress.completed,
         same = again.status, missing = workflow.status("no-such-run") == nil }
