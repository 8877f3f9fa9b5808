local ok = pcall(function() for i = 1, 1000 do print("spam spam spam") end end)
return "escaped the limit"
