-- A failing API call in tail position still names its line (Lua drops the frame of a tail call).
local function ask(prompt)
  return llm.complete(prompt, 10)
end
return ask("hello")
