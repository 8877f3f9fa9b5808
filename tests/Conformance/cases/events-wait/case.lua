-- events.wait gives the next event its pattern matches, emitted by another piece of the run (here a
-- spawned task), or nil when the timeout passes first.
local task = async.spawn(function() time.sleep(30); events.emit("job.done", { id = 7 }) end)
local got = events.wait("job.*", 2000)
async.await(task)
local missed = events.wait("never", 20)
local ok, bad = pcall(events.wait, "x", -1)
return { name = got.name, data = got.data, missed = missed == nil, bad = bad.code }
