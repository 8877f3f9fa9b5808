local ok1, bad = pcall(tools.call, "calculator", { expression = "2 +* 3" })
local ok2, name = pcall(tools.call, "calculator", { expression = "os.exit(1)" })
local ok3, div = pcall(tools.call, "calculator", { expression = "1 / 0" })
return { bad = bad.message, name = name.code, div = div.code }
