local function boom(x) error({ code = "my_code", message = "boom on " .. x }) end
local fails = workflow.sequential({ name = "fails", steps = { function(x) return x .. "!" end, { name = "boom", run = boom } } })
local done = workflow.wait(fails.start("input"))
-- The error names the step, then the spell's own error with its file:line.
local prefix = "workflow step 'fails/boom' failed: case.lua:"
return { status = done.status, names_step = done.error:sub(1, #prefix) == prefix,
         has_cause = done.error:find("my_code: boom on input!", 1, true) ~= nil, output = done.output }
