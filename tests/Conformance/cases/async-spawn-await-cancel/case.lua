-- A spawned task runs while the spell goes on; async.await gives its result or its error, and
-- async.cancel ends a task at the call it waits in.
local steps = {}
local task = async.spawn(function() time.sleep(50); steps[#steps + 1] = "task done"; return llm.complete("spawned") end)
steps[#steps + 1] = "spell goes on"
local result = async.await(task)
local again = async.await(task)
local failing = async.spawn(function() time.sleep(10); error({ code = "nope", message = "failed in a task" }) end)
local ok1, failure = pcall(async.await, failing)
local slow = async.spawn(function() time.sleep(5000); state.set("slow", "finished"); return 1 end)
local cancelled = async.cancel(slow)
local ok2, stopped = pcall(async.await, slow)
local ok3, bad = pcall(async.await, { async_task = 999 })
return { steps = steps, result = result, again = again, failure = failure.code .. ": " .. failure.message,
  cancelled = cancelled, cancel_again = async.cancel(slow), stopped = stopped.code .. ": " .. stopped.message,
  slow = state.get("slow") or "never written", bad = bad.code }
