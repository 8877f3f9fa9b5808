-- Fails twice, then succeeds; the attempts are counted in state so fresh sandboxes (durable) see them too.
local function flaky(x)
  local n = state.update("attempts_" .. x, function(old) return (old or 0) + 1 end)
  if n < 3 then error({ code = "flaky", message = "attempt " .. n }) end
  return x .. " after " .. n .. " attempts"
end
local wf = workflow.sequential({ name = "retrying", steps = { { name = "flaky", run = flaky, retry = { attempts = 3, delay_ms = 1 } } } })
local local_result = wf.run("local")
local durable = workflow.wait(wf.start("durable"))
local once = workflow.sequential({ name = "once", steps = { { name = "flaky", run = flaky, retry = { attempts = 2, delay_ms = 1 } } } })
local ok, err = pcall(once.run, "short")
return { local_result, durable.output, ok, err.message }
