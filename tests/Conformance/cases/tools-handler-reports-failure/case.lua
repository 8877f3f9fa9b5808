-- A Lua handler fails the Lua way, returning nil and a message (or an error table).
tools.register({ name = "lookup", handler = function(args)
  if args.city == "Atlantis" then return nil, "no such city: " .. args.city end
  if args.city == "" then return nil, { code = "bad_argument", message = "city is empty" } end
  return "found " .. args.city
end })
local ok1, missing = pcall(tools.call, "lookup", { city = "Atlantis" })
local ok2, empty = pcall(tools.call, "lookup", { city = "" })
return { found = tools.call("lookup", { city = "Paris" }), ok = ok1 or ok2,
  missing = missing.code .. ": " .. missing.message, empty = empty.code .. ": " .. empty.message }
