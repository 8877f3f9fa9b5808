-- A helper spell in Lua: shouts its input's text, and says so.
print("shout.lua heard " .. input.text)
events.emit("shouted", { text = input.text })
return string.upper(input.text) .. "!"
