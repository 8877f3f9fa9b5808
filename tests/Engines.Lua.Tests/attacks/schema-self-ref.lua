-- expect: bad_argument refers back to itself
-- An allOf that refers to itself recursed until the process's stack overflowed.
return llm.structured("anything", { allOf = { { ["$ref"] = "#" } } })
