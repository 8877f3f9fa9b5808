-- Fails twice, then succeeds; attempts are counted in state, which every sandbox of the run shares.
local function flaky(x)
  local n = state.update("attempts", function(old) return (old or 0) + 1 end)
  if n < 3 then error({ code = "flaky", message = "attempt " .. n }) end
  return x .. " after " .. n .. " attempts"
end
return workflow.sequential({ name = "retrying", steps = { { name = "flaky", run = flaky, retry = { attempts = 3, delay_ms = 10 } } } }).run(input.x)
