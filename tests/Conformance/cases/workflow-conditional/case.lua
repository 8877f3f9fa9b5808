local function size(n) if n > 10 then return "big" else return "small" end end
local pick = workflow.conditional({ name = "pick", condition = size, branches = {
  big = function(n) return "big " .. n end,
  small = function(n) return "small " .. n end } })
local yes_no = workflow.conditional({ name = "yes_no", condition = function(n) return n % 2 == 0 end,
  branches = { ["true"] = function() return "even" end }, default = function() return "odd" end })
state.set("mode", "fast")
local by_state = workflow.conditional({ name = "by_state", condition = { state = "mode" }, branches = {
  fast = function(x) return x .. " quickly" end, slow = function(x) return x .. " slowly" end } })
local ok, err = pcall(function() return pick.run("not a number") end)
local none = workflow.conditional({ name = "none", condition = function() return "nowhere" end, branches = { somewhere = function() return 1 end } })
local ok2, err2 = pcall(none.run, 1)
return { pick.run(50), pick.run(3), yes_no.run(4), yes_no.run(7), by_state.run("run"), ok2, err2.code }
