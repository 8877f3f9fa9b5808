-- A predicate branch, then a branch chosen by state the spell wrote before its workflow.
state.set("mode", input.mode)
local size = workflow.conditional({ name = "size", condition = function(n) return n > 10 and "big" or "small" end, branches = {
  big = function(n) return "big " .. n end,
  small = function(n) return "small " .. n end } })
local by_state = workflow.conditional({ name = "by_state", condition = { state = "mode" }, branches = {
  fast = function(x) return x .. " quickly" end }, default = function(x) return x .. " at leisure" end })
return workflow.sequential({ name = "choose", steps = { size, by_state } }).run(input.n)
