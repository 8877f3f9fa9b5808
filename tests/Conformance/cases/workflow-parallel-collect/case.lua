-- on_error = "collect" runs every branch and gives the errors beside the results (a failed branch's
-- result is null); the default, fail_fast, fails the workflow with the first failure.
local function branches() return {
  { name = "good", run = function(x) return x * 2 end },
  { name = "bad", run = function(x) error({ code = "nope", message = "branch bad gave up" }) end },
  { name = "also", run = function(x) return x + 1 end },
} end
local collected = workflow.parallel({ name = "c", on_error = "collect", merge = "map", steps = branches() }).run(10)
local ok, failed = pcall(workflow.parallel({ name = "f", steps = branches() }).run, 10)
return { results = collected.results, errors = collected.errors, failed = failed.code .. ": " .. failed.message }
