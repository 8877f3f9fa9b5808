-- The spell catches the failure of a step; when a worker runs that step, the failure still ends the run there.
local function boom(x) error({ code = "my_code", message = "boom" }) end
local wf = workflow.sequential({ name = "caught", steps = { { name = "boom", run = boom } } })
local ok = pcall(wf.run, "local")
state.update("after_run", function(n) return (n or 0) + 1 end)
local done = workflow.wait(wf.start("durable"))
return { caught = not ok, status = done.status, after_run = state.get("after_run") }
