-- The same host calls as case.js, each exactly once.
local first = llm.complete("one")
print("between the awaits")
log.info("logged once")
local pending = llm.complete("two")
local a, b = 3, 4
local c, d = pending, first
return { a = a, b = b, c = c, d = d, llm_calls = llm.usage().calls }
