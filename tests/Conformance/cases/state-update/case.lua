local seen = {}
for i = 1, 3 do
  state.update("counter", function(old)
    seen[#seen + 1] = old == nil and "nil" or tostring(old)
    return (old or 0) + 1
  end)
end
return { counter = state.get("counter"), seen = seen }
