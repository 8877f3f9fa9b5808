-- The first failure of async.all is its error; the other functions are cancelled at the call they
-- wait in and make no more calls (no state write, no log), and the run goes on.
local ok, err = pcall(async.all, {
  function() time.sleep(300); state.set("late", "written"); return 1 end,
  function() time.sleep(20); error({ code = "nope", message = "the second gave up" }) end,
})
time.sleep(400)
local bad_ok, bad = pcall(async.all, { function() return 1 end, 42 })
return { code = err.code, message = err.message, late = state.get("late") or "never written", bad = bad.code .. ": " .. bad.message }
