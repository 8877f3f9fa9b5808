local function message(spec_fn)
  local ok, err = pcall(spec_fn)
  return err.code .. ": " .. err.message
end
return {
  message(function() return workflow.sequential({ steps = { print } }) end),
  message(function() return workflow.sequential({ name = "w", steps = { { name = "a" } } }) end),
  message(function() return workflow.sequential({ name = "w", steps = { { name = "a", run = print, tool = "uuid" } } }) end),
  message(function() return workflow.parallel({ name = "p", steps = { print }, merge = "zip" }) end),
  message(function() return workflow.sequential({ name = "w2", steps = { print, { name = "1", run = print } } }) end),
  message(function() return workflow.loop({ name = "l", body = print, max_iterations = 0 }) end),
  message(function() return workflow.sequential({ name = "w3", steps = { { tool = "no_such_tool" } } }) end),
  message(function() return workflow.sequential({ name = "a/b", steps = { print } }) end),
  message(function() return workflow.conditional({ name = "c", condition = print, branches = {} }) end),
  message(function() return workflow.sequential({ name = "w4", steps = { print }, colour = "red" }) end),
}
