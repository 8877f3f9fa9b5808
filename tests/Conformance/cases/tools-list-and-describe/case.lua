tools.register({ name = "noop", description = "does nothing", handler = function() end })
local names = {}
for _, t in ipairs(tools.list()) do names[#names + 1] = t.name .. ":" .. t.source end
local d = tools.describe("calculator")
return { names = names, calculator_required = d.parameters.required, calculator_source = d.source }
