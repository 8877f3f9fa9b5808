#!llmspell lua
local x = 1
error("third line")
