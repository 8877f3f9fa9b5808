-- In process, a workflow's event step takes an event this run emitted: one emitted before it waits
-- (kept for it, as a durable run keeps raised events) or while it waits; each event is taken once.
local wf = workflow.sequential({ name = "approval", steps = {
  { name = "first", event = "approve", timeout_ms = 2000 },
  function(d) return d.by end,
} })
events.emit("approve", { by = "ada" })
local early = wf.run()
async.spawn(function() time.sleep(30); events.emit("approve", { by = "bob" }) end)
local late = wf.run()
local short = workflow.sequential({ name = "short", steps = { { name = "gate", event = "approve", timeout_ms = 20 } } })
local ok, timed_out = pcall(short.run)
return { early = early, late = late, timed_out = timed_out.code .. ": " .. timed_out.message }
