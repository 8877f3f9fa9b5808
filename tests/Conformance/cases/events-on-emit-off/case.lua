-- Handlers run for the events their pattern matches (* any text, ? one character), emit waits for
-- them and says how many ran; off ends a subscription; a failing handler fails the emit.
local seen = {}
local orders = events.on("order.*", function(e) seen[#seen + 1] = e.name .. " " .. json.encode(e.data) .. " " .. type(e.at) end)
local any = events.on("???r.joined", function(e) seen[#seen + 1] = "joined " .. e.data end)
local paid = events.emit("order.paid", { amount = 5 })
local joined = events.emit("user.joined", "ada")
local off = events.off(orders)
local off_again = events.off(orders)
local shipped = events.emit("order.shipped")
events.on("boom", function(e) error({ code = "nope", message = "the handler failed" }) end)
local ok1, failed = pcall(events.emit, "boom")
local ok2, bad = pcall(events.emit, "order.*")
return { seen = seen, paid = paid, joined = joined, off = off, off_again = off_again, shipped = shipped,
  failed = failed.code .. ": " .. failed.message, bad = bad.code .. ": " .. bad.message }
