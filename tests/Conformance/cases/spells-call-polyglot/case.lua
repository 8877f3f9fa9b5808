-- A spell calls spells in every engine with spells.call, and a workflow runs them as steps
-- ({ spell = "file" }); a called spell's error is the call's, and names of nothing are refused.
local shouted = spells.call("shout.lua", { text = "hello world" })
local counted = spells.call("count", { text = "one two three" })
local framed = spells.call("frame.tengo", { text = "x" })
local chain = workflow.sequential({ name = "chain", steps = {
  function(t) return { text = t } end,
  { name = "loud", spell = "shout.lua" },
  function(s) return { text = s } end,
  { spell = "frame.tengo" },
} }).run("step by step")
local ok1, failed = pcall(spells.call, "count.js", { nope = 1 })
local ok2, missing = pcall(spells.call, "nowhere")
local ok3, outside = pcall(spells.call, "../../secrets.lua")
return { shouted = shouted, counted = counted, framed = framed, chain = chain, failed = failed.code .. ": " .. failed.message,
  missing = missing.code, outside = outside.code }
