-- Functions run side by side overlap in time: all of them are running at once (the peak), whether
-- they come from async.all or are the branches of a parallel workflow.
local running, peak = {}, {}
local function branch(tag, n) return function()
  running[tag] = (running[tag] or 0) + 1
  peak[tag] = math.max(peak[tag] or 0, running[tag])
  time.sleep(100)
  local reply = llm.complete(tag .. n)
  running[tag] = running[tag] - 1
  return reply
end end
local all = async.all({ branch("all", 1), branch("all", 2), branch("all", 3) })
local named = async.all({ first = branch("named", 1), second = branch("named", 2) })
local wf = workflow.parallel({ name = "p", steps = { branch("workflow", 1), branch("workflow", 2), branch("workflow", 3) }, max_concurrency = 3 }).run()
return { all = all, named = named, workflow = wf, peak = peak, empty = #async.all({}) }
