local doc = { a = { b = { c = { 1, 2, { d = "deep" } } } }, list = { { x = 1 }, { x = 2 } } }
return doc
